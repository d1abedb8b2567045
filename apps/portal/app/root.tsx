import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import componentLibraryCss from "@utrecht/component-library-css/dist/index.css?url";
import { PageBody } from "@utrecht/page-body-react";
import { PageLayout } from "@utrecht/page-layout-react";
import { Root } from "@utrecht/root-react";
import type { ReactNode } from "react";
import { ContinuityPlanBanner, type ContinuityPlanBannerData } from "./components/continuity-plan-banner";
import { ErrorPage, errorTitleFor } from "./components/error-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { SkipLink } from "./components/skip-link";
import { formatLocalDate } from "./lib/format";
import { useNonce } from "./lib/nonce";
import { sectionsFor } from "./lib/sections";
import { logUnexpectedError } from "./log.server";
import { nl, pageTitle } from "./messages/nl";
import { getOptionalUser } from "./session.server";
import layoutCss from "./styles/layout.css?url";
import themeCss from "./styles/theme.css?url";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: componentLibraryCss },
  // After the component library, so our tokens and layout win at equal specificity.
  { rel: "stylesheet", href: themeCss },
  { rel: "stylesheet", href: layoutCss },
];

export const meta: MetaFunction = ({ error }) => [
  { title: error ? pageTitle(errorTitleFor(statusOf(error))) : nl.app.name },
];

export async function loader({ context, request }: LoaderFunctionArgs) {
  let user: Awaited<ReturnType<typeof getOptionalUser>>;
  try {
    user = await getOptionalUser({ context });
  } catch (error) {
    // When this loader fails there is no root data, so the error boundary would lose the request id: log the
    // error here and hand the id over in the error response instead.
    logUnexpectedError(error, { request, context });
    throw data({ requestId: context.requestId }, { status: 500 });
  }
  return {
    requestId: context.requestId,
    user: user
      ? {
          name: user.user.name,
          organisationName: user.organisation.name,
          sections: sectionsFor(user.roles),
          unreadNotifications: await unreadNotificationsOf(context),
          continuityPlan: await continuityPlanOf(context),
        }
      : null,
  };
}

/** The banner's data while VT's continuity plan is in force; when it cannot be had, the page shows no banner. */
async function continuityPlanOf(context: LoaderFunctionArgs["context"]): Promise<ContinuityPlanBannerData | null> {
  try {
    const { plan } = await context.api.continuityPlan.current();
    return plan
      ? {
          expectedEnd: formatLocalDate(plan.expectedEndOn),
          services: plan.services.map((service) => nl.continuityPlan.services[service]),
        }
      : null;
  } catch {
    return null;
  }
}

/** For the header's "Meldingen" link. Only a count: when it cannot be had, the link simply shows none. */
async function unreadNotificationsOf(context: LoaderFunctionArgs["context"]): Promise<number | null> {
  try {
    return (await context.api.notification.unreadCount()).count;
  } catch {
    return null;
  }
}

export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed: the page still renders, without the user's details.
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <Root lang="nl" className="ketenportaal-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <PageLayout>
          <SiteHeader user={data?.user ?? null} />
          <PageBody>
            <main id="main" tabIndex={-1}>
              {data?.user?.continuityPlan ? <ContinuityPlanBanner plan={data.user.continuityPlan} /> : null}
              {children}
            </main>
          </PageBody>
          <SiteFooter />
        </PageLayout>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </Root>
  );
}

export default function App() {
  return <Outlet />;
}

function statusOf(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

function requestIdOf(error: unknown): string | null {
  if (!isRouteErrorResponse(error)) return null;
  const body: unknown = error.data;
  return body && typeof body === "object" && "requestId" in body && typeof body.requestId === "string"
    ? body.requestId
    : null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  return <ErrorPage status={statusOf(error)} requestId={rootData?.requestId ?? requestIdOf(error)} />;
}
