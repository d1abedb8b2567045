import { type AppLoadContext, data, redirect } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { loginPath, pathOfRequest } from "./lib/redirect-to";

export type ApiErrorCode = TRPCError["code"];

/** The tRPC code of an error thrown by `context.api`, or null when it is not an API error. */
export function apiErrorCode(error: unknown): ApiErrorCode | null {
  if (error instanceof TRPCError) return error.code;
  // In development the server and Vite may each load their own copy of @trpc/server: recognise the shape too.
  if (error instanceof Error && error.name === "TRPCError" && "code" in error && typeof error.code === "string") {
    return error.code as ApiErrorCode;
  }
  return null;
}

/**
 * Turns an API refusal a page does not handle itself into what the browser should get: back to the login page
 * when the session is gone, 403 or 404 for the error boundary. Anything else is a real error and is rethrown.
 */
export function throwApiErrorResponse(error: unknown, request: Request): never {
  switch (apiErrorCode(error)) {
    case "UNAUTHORIZED":
      throw redirect(loginPath(pathOfRequest(request)));
    case "FORBIDDEN":
      throw data(null, { status: 403 });
    case "NOT_FOUND":
      throw data(null, { status: 404 });
    default:
      throw error;
  }
}

/** Calls the API for a loader or action, mapping the refusals above. */
export async function callApi<T>(
  { context, request }: { context: AppLoadContext; request: Request },
  call: (api: AppLoadContext["api"]) => Promise<T>,
): Promise<T> {
  try {
    return await call(context.api);
  } catch (error) {
    throwApiErrorResponse(error, request);
  }
}
