import { serializeOidcCookie, shouldUseSecureCookie } from "@ketenportaal/api/session-cookie";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirectTo } from "../lib/redirect-to";

/** A GET has nothing to start: the button on the login page posts here. */
export function loader() {
  return redirect("/inloggen");
}

/**
 * "Inloggen met je organisatie": asks the API for the provider's authorization URL (with PKCE, state and nonce),
 * keeps the checks in a short-lived HttpOnly cookie and sends the browser to the provider.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData();
  const start = await context.api.auth.oidc.start();
  const cookie = serializeOidcCookie(
    {
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
      redirectTo: safeRedirectTo(form.get("redirectTo")),
    },
    { secure: shouldUseSecureCookie(request.url) },
  );
  return redirect(start.authorizationUrl, { headers: { "Set-Cookie": cookie } });
}
