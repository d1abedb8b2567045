const DEFAULT_REDIRECT = "/";

/**
 * Where to go after login: only a path on this site. Anything else (absolute URLs, protocol-relative "//host",
 * backslash tricks that browsers read as "//", control characters) falls back to the start page, so the
 * login form cannot be used as an open redirect.
 */
export function safeRedirectTo(value: unknown, fallback: string = DEFAULT_REDIRECT): string {
  if (typeof value !== "string") return fallback;
  if (value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}

/** The "/inloggen" URL that brings the user back to `path` after login; the start page needs no parameter. */
export function loginPath(path: string | null = null): string {
  const target = safeRedirectTo(path, "");
  if (target === "" || target === DEFAULT_REDIRECT) return "/inloggen";
  return `/inloggen?${new URLSearchParams({ redirectTo: target })}`;
}

/** The path (with query) of a request, without the parameters Remix adds for its own data requests. */
export function pathOfRequest(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("_data");
  url.searchParams.delete("_routes");
  const search = url.searchParams.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
