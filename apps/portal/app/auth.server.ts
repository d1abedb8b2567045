import {
  serializeClearedSessionCookie,
  serializeSessionCookie,
  shouldUseSecureCookie,
} from "@ketenportaal/api/session-cookie";
import { type AppLoadContext, redirect } from "@remix-run/node";
import { apiErrorCode } from "./api-errors.server";
import { safeRedirectTo } from "./lib/redirect-to";

export type LoginRefusal = "invalid_credentials" | "too_many_attempts" | "invalid_input" | "password_disabled";

/** What a first login step (password or OIDC) hands back: the session's token and what comes next. */
export type LoginSession = { token: string; expiresAt: Date; next: "done" | "verify" | "enrol" };

/** The second-step pages, with where to go afterwards. */
export function secondStepPath(step: "verify" | "enrol", redirectTo: unknown): string {
  const target = safeRedirectTo(redirectTo, "");
  const path = step === "verify" ? "/inloggen/code" : "/inloggen/tweestapsverificatie";
  return target && target !== "/" ? `${path}?${new URLSearchParams({ redirectTo: target })}` : path;
}

/** Sets the (new) session cookie and sends the browser on: to the page it wanted, or to the second step. */
export function sessionRedirect(
  request: Request,
  session: { token: string; expiresAt: Date; next?: LoginSession["next"] },
  redirectTo: unknown,
  extraCookies: string[] = [],
): Response {
  const cookie = serializeSessionCookie({ ...session, secure: shouldUseSecureCookie(request.url) });
  const headers = new Headers();
  headers.append("Set-Cookie", cookie);
  for (const extra of extraCookies) headers.append("Set-Cookie", extra);
  const next = session.next ?? "done";
  return redirect(next === "done" ? safeRedirectTo(redirectTo) : secondStepPath(next, redirectTo), { headers });
}

type AuthArgs = { context: AppLoadContext; request: Request };

/**
 * Opens a session and answers with the redirect that sets its cookie, or says why the API refused. The refusal
 * never tells whether the e-mail address or the password was wrong.
 */
export async function logIn(
  { context, request }: AuthArgs,
  credentials: { email: string; password: string; redirectTo: unknown },
): Promise<{ ok: true; response: Response } | { ok: false; refusal: LoginRefusal }> {
  let session: LoginSession;
  try {
    session = await context.api.auth.login({ email: credentials.email, password: credentials.password });
  } catch (error) {
    const refusal = loginRefusalOf(error);
    if (refusal) return { ok: false, refusal };
    throw error;
  }
  return { ok: true, response: sessionRedirect(request, session, credentials.redirectTo) };
}

function loginRefusalOf(error: unknown): LoginRefusal | null {
  switch (apiErrorCode(error)) {
    case "UNAUTHORIZED":
      return "invalid_credentials";
    case "TOO_MANY_REQUESTS":
      return "too_many_attempts";
    case "BAD_REQUEST":
      return "invalid_input";
    case "FORBIDDEN":
      return "password_disabled";
    default:
      return null;
  }
}

/** Ends the session (if there still is one), clears the cookie and says goodbye on the login page. */
export async function logOut({ context, request }: AuthArgs): Promise<Response> {
  try {
    await context.api.auth.logout();
  } catch (error) {
    // Already logged out, or not a person's session: either way there is nothing left to end here.
    const code = apiErrorCode(error);
    if (code !== "UNAUTHORIZED" && code !== "FORBIDDEN") throw error;
  }
  return redirect("/inloggen?uitgelogd=1", {
    headers: { "Set-Cookie": serializeClearedSessionCookie({ secure: shouldUseSecureCookie(request.url) }) },
  });
}
