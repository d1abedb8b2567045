import type { AppLoadContext } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";

/** Logs an unexpected error with the request id that the visitor sees on the error page. */
export function logUnexpectedError(
  error: unknown,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  if (request.signal.aborted) return;
  // Remix wraps its own failures (no route, wrong method) in an error response that carries the original.
  const cause = isRouteErrorResponse(error) && "error" in error && error.error instanceof Error ? error.error : error;
  context.logger.error({ err: cause, method: request.method, path: new URL(request.url).pathname }, "portal error");
}
