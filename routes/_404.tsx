// The page for an HTML URL that no route answers (under /api: JSON).
import type { ErrorPageProps } from "../lib/http/error_handler.tsx";
import ErrorPage from "../components/ErrorPage.tsx";

export default function NotFoundRoute(props: ErrorPageProps) {
  return <ErrorPage {...props} />;
}
