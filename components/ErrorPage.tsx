import Layout from "./Layout.tsx";

export interface ErrorPageProps {
  status: number;
  message: string;
  requestId?: string;
}

/** A friendly page for 404s and failures, in the site's layout. */
export default function ErrorPage(
  { status, message, requestId }: ErrorPageProps,
) {
  const title = status === 404 ? "Page not found" : "Something went wrong";
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      {requestId && <p>Reference: {requestId}</p>}
      <p>
        <a href="/">Back to all trips</a>
      </p>
    </Layout>
  );
}
