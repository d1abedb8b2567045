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
