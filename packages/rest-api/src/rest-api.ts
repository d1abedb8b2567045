import { type ApiConfig, createApiCaller, createApiContext, type RequestMeta } from "@ketenportaal/api";
import { type Context, Hono } from "hono";
import { API_BASE_PATH, API_VERSION, buildOpenApiDocument } from "./openapi";
import { type Operation, operations } from "./operations";
import { fieldErrorsToErrors, invalidInput, issuesToErrors, PROBLEM_JSON, problem, statusOfErrorCode } from "./problem";
import type { InvalidInputProblem, Problem } from "./schemas";

type Database = Parameters<typeof createApiContext>[0]["db"];

export type RestApiOptions = {
  db: Database;
  config: ApiConfig;
  /** The request's id and client address, as the server resolves them for tRPC and the portal. */
  meta: (c: Context) => RequestMeta;
  now?: () => Date;
  /** Called with an unexpected error (a 500); the answer never contains it. */
  onError?: (error: unknown, operationId: string) => void;
};

type QueryTypes = Record<string, string>;

/**
 * The REST API for partner systems, to mount at `/api/v1`. Each operation validates the whole request at once
 * (path, query and body, every error in one 400), then calls its tRPC procedure through a per-request caller built
 * exactly as for the portal, with the caller's Bearer token (a session cookie is ignored here).
 */
export function createRestApi(options: RestApiOptions) {
  const app = new Hono();
  const document = buildOpenApiDocument({ publicUrl: options.config.publicUrl });
  const queryTypes = queryTypesOf(document);

  app.use(async (c, next) => {
    await next();
    c.res.headers.set("API-Version", API_VERSION);
  });

  app.get("/openapi.json", (c) => c.json(document, 200, { "Access-Control-Allow-Origin": "*" }));
  allowOnly(app, "/openapi.json", ["GET"]);

  const methodsByPath = new Map<string, string[]>();
  for (const operation of operations) {
    const path = honoPath(operation.path);
    app.on(operation.method.toUpperCase(), path, (c) =>
      handle(c, operation, queryTypes[operation.operationId] ?? {}, options),
    );
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), operation.method.toUpperCase()]);
  }
  for (const [path, methods] of methodsByPath) allowOnly(app, path, methods);

  // Anything else below /api/v1 (a trailing slash included) is a 404 here, never a redirect or a portal page.
  app.all("*", (c) => problemResponse(c, problem(404, "Deze resource bestaat niet.")));
  return app;
}

/** 405 with `Allow` for the methods a path does not support. */
function allowOnly(app: Hono, path: string, methods: string[]) {
  const allow = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  app.all(path, (c) =>
    problemResponse(c, problem(405, `Deze resource ondersteunt alleen ${allow.join(", ")}.`), {
      Allow: allow.join(", "),
    }),
  );
}

async function handle(c: Context, operation: Operation, queryTypes: Record<string, string>, options: RestApiOptions) {
  // Authentication first: without a valid token nothing about the request is answered.
  const headers = new Headers();
  const authorization = c.req.header("authorization");
  if (authorization) headers.set("authorization", authorization);
  const context = await createApiContext({
    db: options.db,
    headers,
    meta: options.meta(c),
    config: options.config,
    now: options.now,
  });
  if (!context.principal) {
    return problemResponse(c, problem(401, "Stuur het token van uw service-account als Authorization: Bearer."), {
      "WWW-Authenticate": 'Bearer realm="ketenportaal"',
    });
  }

  const errors: InvalidInputProblem["errors"] = [];
  const params = operation.params?.safeParse(c.req.param());
  if (params && !params.success) errors.push(...issuesToErrors("path", params.error.issues));
  const query = operation.query?.safeParse(coerceQuery(c.req.queries(), queryTypes));
  if (query && !query.success) errors.push(...issuesToErrors("query", query.error.issues));
  // An operation without query parameters takes none: an unknown key is refused here too, never ignored.
  if (!operation.query) {
    for (const name of Object.keys(c.req.queries())) {
      errors.push({ in: "query", location: { name }, code: "unrecognized_keys", detail: "Onbekende parameter." });
    }
  }
  let body: { success: true; data: unknown } | { success: false; error: { issues: never[] } } | undefined;
  if (operation.body) {
    if (!/^application\/(.+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
      return problemResponse(c, problem(415, "Stuur de body als application/json."));
    }
    let raw: unknown;
    try {
      const text = await c.req.text();
      raw = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      return problemResponse(
        c,
        invalidInput([{ in: "body", location: { pointer: "#" }, code: "invalid_json", detail: "Dit is geen JSON." }]),
      );
    }
    const parsed = operation.body.safeParse(raw);
    if (!parsed.success) errors.push(...issuesToErrors("body", parsed.error.issues));
    else body = parsed;
  }
  if (errors.length > 0) return problemResponse(c, invalidInput(errors));

  try {
    const result = await operation.call(createApiCaller(context), {
      params: (params?.success ? params.data : {}) as { id: string },
      query: query?.success ? query.data : undefined,
      body: body?.success ? body.data : undefined,
    });
    const { response } = operation;
    // A DELETE answers 204 without a body; what the procedure returns is for tRPC callers.
    if (response.status === 204) return c.body(null, 204);
    // A resource made by POST: 201 and where it lives now (ADR: `Location`), as a path on this server.
    if (response.status === 201) {
      return c.json(result as object, 201, { Location: `${API_BASE_PATH}${response.location(result)}` });
    }
    const version = (result as { version?: unknown }).version;
    const extra: Record<string, string> = operation.etag && typeof version === "number" ? { ETag: `"${version}"` } : {};
    return c.json(result as object, 200, extra);
  } catch (error) {
    return problemResponse(c, problemOf(error, operation, options));
  }
}

/** A refusal of the procedure as a problem: the status by its code, the Dutch message as the detail. */
function problemOf(error: unknown, operation: Operation, options: RestApiOptions): Problem | InvalidInputProblem {
  const code = (error as { code?: unknown })?.code;
  const status = typeof code === "string" ? statusOfErrorCode[code] : undefined;
  if (!status || !(error instanceof Error)) {
    options.onError?.(error, operation.operationId);
    return problem(500, "Er ging iets mis aan onze kant.");
  }
  const cause = error.cause as { issues?: unknown; fieldErrors?: Record<string, string[]> } | undefined;
  if (status === 400) {
    if (Array.isArray(cause?.issues)) return invalidInput(issuesToErrors("body", cause.issues));
    return invalidInput(cause?.fieldErrors ? fieldErrorsToErrors(cause.fieldErrors) : [], error.message);
  }
  return problem(status, error.message);
}

function problemResponse(c: Context, body: Problem | InvalidInputProblem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(body), body.status as 400, { "Content-Type": PROBLEM_JSON, ...headers });
}

/** Query strings are text: turn the values into what the documented parameter type says, then let zod judge. */
function coerceQuery(raw: Record<string, string[]>, types: Record<string, string>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(raw)) {
    const type = types[key];
    const convert = (value: string): unknown => {
      if (type === "integer" && /^-?\d+$/.test(value)) return Number(value);
      if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
      return value;
    };
    query[key] = type === "array" ? values : values.length === 1 ? convert(values[0] ?? "") : values.map(convert);
  }
  return query;
}

/** Per operation: the documented type of each query parameter. */
function queryTypesOf(document: ReturnType<typeof buildOpenApiDocument>): Record<string, QueryTypes> {
  const types: Record<string, QueryTypes> = {};
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const { operationId, parameters } = (operation ?? {}) as {
        operationId?: string;
        parameters?: { in: string; name: string; schema?: { type?: string } }[];
      };
      if (!operationId) continue;
      types[operationId] = Object.fromEntries(
        (parameters ?? []).filter((p) => p.in === "query").map((p) => [p.name, p.schema?.type ?? "string"]),
      );
    }
  }
  return types;
}

function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}
