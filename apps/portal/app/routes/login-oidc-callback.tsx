import { readOidcCookie, serializeClearedOidcCookie, shouldUseSecureCookie } from "@ketenportaal/api/session-cookie";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { apiErrorCode } from "../api-errors.server";
import { sessionRedirect } from "../auth.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { Heading1, Paragraph } from "../components/typography";
import { nl, pageTitle } from "../messages/nl";

const m = nl.login;

export const meta: MetaFunction = () => [{ title: pageTitle(m.oidcRefusedTitle) }];

/**
 * The provider sends the browser back here with a code. The API checks it (state, nonce, PKCE) and matches the
 * e-mail address to an existing account; then the session cookie is set as after a password login.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const secure = shouldUseSecureCookie(request.url);
  const clearCookie = serializeClearedOidcCookie({ secure });
  const checks = readOidcCookie(request.headers.get("cookie"));
  const url = new URL(request.url);
  const refuse = (message: string, status: number) =>
    data({ message }, { status, headers: { "Set-Cookie": clearCookie } });
  if (!checks || url.searchParams.has("error") || !url.searchParams.has("code")) return refuse(m.oidcFailed, 400);
  try {
    const session = await context.api.auth.oidc.finish({
      callbackUrl: request.url,
      state: checks.state,
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
    });
    throw sessionRedirect(request, session, checks.redirectTo, [clearCookie]);
  } catch (error) {
    if (error instanceof Response) throw error;
    const code = apiErrorCode(error);
    if (code === "FORBIDDEN") return refuse(m.oidcUnknownAccount, 403);
    if (code === "UNAUTHORIZED" || code === "BAD_REQUEST") return refuse(m.oidcFailed, 400);
    throw error;
  }
}

export default function LoginOidcCallbackRoute() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="kp-narrow">
      <Heading1>{m.oidcRefusedTitle}</Heading1>
      <Alert type="error" role="alert">
        {message}
      </Alert>
      <Paragraph className="kp-after-form">
        <AppLink to="/inloggen">{m.backToLogin}</AppLink>
      </Paragraph>
    </div>
  );
}
