/**
 * The browser session cookie, shared by the portal (which sets it after login) and the server (which reads it).
 * Pure string handling: safe to import in the portal bundle.
 */
export const SESSION_COOKIE_NAME = "kp_session";

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() !== SESSION_COOKIE_NAME) continue;
    const value = part.slice(index + 1).trim();
    return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
  }
  return null;
}

/** Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie. */
export function shouldUseSecureCookie(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return !(url.protocol === "http:" && local);
}

export function serializeSessionCookie(options: { token: string; expiresAt: Date; secure: boolean }): string {
  const attributes = [
    `${SESSION_COOKIE_NAME}=${options.token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${options.expiresAt.toUTCString()}`,
  ];
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function serializeClearedSessionCookie(options: { secure: boolean }): string {
  const attributes = [`${SESSION_COOKIE_NAME}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}

/**
 * The OIDC login's checks (state, nonce, PKCE verifier) and where to go afterwards, kept in the browser between
 * leaving for the provider and coming back: HttpOnly, only sent to the callback path, ten minutes.
 */
export const OIDC_COOKIE_NAME = "kp_oidc";
const OIDC_COOKIE_PATH = "/inloggen/oidc";

export type OidcCookieValue = { state: string; nonce: string; codeVerifier: string; redirectTo: string };

export function serializeOidcCookie(value: OidcCookieValue, options: { secure: boolean }): string {
  const encoded = Buffer.from(JSON.stringify(value)).toString("base64url");
  const attributes = [
    `${OIDC_COOKIE_NAME}=${encoded}`,
    `Path=${OIDC_COOKIE_PATH}`,
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=600",
  ];
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function serializeClearedOidcCookie(options: { secure: boolean }): string {
  const attributes = [`${OIDC_COOKIE_NAME}=`, `Path=${OIDC_COOKIE_PATH}`, "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function readOidcCookie(cookieHeader: string | null | undefined): OidcCookieValue | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index === -1 || part.slice(0, index).trim() !== OIDC_COOKIE_NAME) continue;
    try {
      const value: unknown = JSON.parse(Buffer.from(part.slice(index + 1).trim(), "base64url").toString("utf8"));
      if (
        value &&
        typeof value === "object" &&
        "state" in value &&
        typeof value.state === "string" &&
        "nonce" in value &&
        typeof value.nonce === "string" &&
        "codeVerifier" in value &&
        typeof value.codeVerifier === "string" &&
        "redirectTo" in value &&
        typeof value.redirectTo === "string"
      ) {
        return {
          state: value.state,
          nonce: value.nonce,
          codeVerifier: value.codeVerifier,
          redirectTo: value.redirectTo,
        };
      }
    } catch {
      return null;
    }
  }
  return null;
}
