// The page for an error on an HTML URL (under /api errors are JSON); the
// error handler (lib/http/error_handler.tsx) picks the status and message.
import type { ErrorPageProps } from "../lib/http/error_handler.tsx";
import ErrorPage from "../components/ErrorPage.tsx";

export default function ErrorRoute(props: ErrorPageProps) {
  return <ErrorPage {...props} />;
}
