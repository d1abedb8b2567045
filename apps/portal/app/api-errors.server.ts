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

/** One problem with one input, as the API names it: "reference", "persons.1.name". */
export type ApiFieldError = { path: string; message: string };

export type ApiMissingItem = { message: string; field: string; personId?: string };

/**
 * An API refusal a form can show: the input was invalid (BAD_REQUEST) or someone else acted first (CONFLICT).
 * `message` is Dutch; for the API's own validation errors, whose message is technical, it is a general one.
 */
export type ApiRefusal = {
  code: "BAD_REQUEST" | "CONFLICT";
  message: string;
  fieldErrors: ApiFieldError[];
  missingItems: ApiMissingItem[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function zodFieldErrors(cause: Record<string, unknown>): ApiFieldError[] | null {
  if (!Array.isArray(cause.issues)) return null;
  const errors: ApiFieldError[] = [];
  for (const issue of cause.issues) {
    if (!isRecord(issue) || typeof issue.message !== "string") continue;
    const path = Array.isArray(issue.path) ? issue.path.map(String).join(".") : "";
    errors.push({ path, message: issue.message });
  }
  return errors;
}

function refusalFieldErrors(cause: Record<string, unknown>): ApiFieldError[] {
  if (!isRecord(cause.fieldErrors)) return [];
  const errors: ApiFieldError[] = [];
  for (const [path, messages] of Object.entries(cause.fieldErrors)) {
    const list = Array.isArray(messages) ? messages : [messages];
    for (const message of list) if (typeof message === "string") errors.push({ path, message });
  }
  return errors;
}

function missingItemsOf(cause: Record<string, unknown>): ApiMissingItem[] {
  if (!Array.isArray(cause.missingItems)) return [];
  return cause.missingItems.flatMap((item) =>
    isRecord(item) && typeof item.message === "string"
      ? [
          {
            message: item.message,
            field: typeof item.field === "string" ? item.field : "",
            ...(typeof item.personId === "string" ? { personId: item.personId } : {}),
          },
        ]
      : [],
  );
}

/**
 * Reads a BAD_REQUEST or CONFLICT from the API, duck-typed because the cause is the API's own class: a zod error
 * of the input (`issues`), or a domain refusal with `fieldErrors` and `missingItems`. Null for anything else.
 */
export function apiRefusalOf(error: unknown, fallbackMessage: string): ApiRefusal | null {
  const code = apiErrorCode(error);
  if (code !== "BAD_REQUEST" && code !== "CONFLICT") return null;
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : {};
  const zodErrors = zodFieldErrors(cause);
  if (zodErrors) return { code, message: fallbackMessage, fieldErrors: zodErrors, missingItems: [] };
  const message = error instanceof Error && error.message.trim() !== "" ? error.message : fallbackMessage;
  return { code, message, fieldErrors: refusalFieldErrors(cause), missingItems: missingItemsOf(cause) };
}

/**
 * Calls the API for an action: a refusal the form should show comes back as `{ ok: false }`; the session ending,
 * 403 and 404 go to the error boundary as with `callApi`; anything else is a real error.
 */
export async function tryApi<T>(
  args: { context: AppLoadContext; request: Request },
  call: (api: AppLoadContext["api"]) => Promise<T>,
  fallbackMessage: string,
): Promise<{ ok: true; value: T } | { ok: false; refusal: ApiRefusal }> {
  try {
    return { ok: true, value: await call(args.context.api) };
  } catch (error) {
    const refusal = apiRefusalOf(error, fallbackMessage);
    if (refusal) return { ok: false, refusal };
    throwApiErrorResponse(error, args.request);
  }
}
