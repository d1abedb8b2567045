import { data } from "@remix-run/node";
import { ErrorPage } from "../components/error-page";

// Every path without a page of its own ends here, so the root error boundary answers with a Dutch 404.
export function loader() {
  throw data(null, { status: 404 });
}

// Never rendered (the loader always throws), but without a component Remix would treat this as a resource route
// and send a bare 404 without the page around it.
export default function NotFoundRoute() {
  return <ErrorPage status={404} requestId={null} />;
}
