import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import {
  type ApiConfig,
  appRouter,
  createApiCaller,
  createApiContext,
  type PortalLoadContext,
  type RequestMeta,
} from "@ketenportaal/api";
import type { RelayStatus } from "@ketenportaal/bridge";
import { type Database, executeRows } from "@ketenportaal/db";
import { API_BASE_PATH, createRestApi } from "@ketenportaal/rest-api";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

/** Requests larger than this are refused with 413 before anything parses them. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type CreateAppOptions = {
  db: Database;
  logger: Logger;
  metrics: Metrics;
  portal: {
    /** Remix's request handler (see `createPortalHandler`); every path the API does not own goes here. */
    handler: PortalHandler;
    /** Built client assets; absent in development, where Vite serves them. */
    clientDir?: string;
  };
  trustProxy?: boolean;
  /** The in-process relay's view of Kafka, when this process runs one. */
  relayStatus?: () => RelayStatus | null;
  api: ApiConfig;
  /** The clock handed to the API; tests move it. */
  now?: () => Date;
  /** Vite's development server injects inline styles and talks over a WebSocket: loosen the CSP for that only. */
  development?: boolean;
};

type Env = { Variables: { requestId: string; secureHeadersNonce?: string } };

export type PortalHandler = (request: Request, loadContext: PortalLoadContext) => Promise<Response>;

/** The Remix portal as a request handler; in development the build is loaded through Vite on every request. */
export function createPortalHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
}): PortalHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return (request, loadContext) => handle(request, loadContext);
}

const knownProcedures = new Set(Object.keys(appRouter._def.procedures));
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export function createApp(options: CreateAppOptions) {
  const { db, logger, metrics } = options;
  const app = new Hono<Env>();

  app.use(
    requestId({
      headerName: "X-Request-Id",
      generator: () => crypto.randomUUID(),
      limitLength: 64,
    }),
  );
  app.use(async (c, next) => {
    // An upstream id is reused only when it looks like one: it ends up in logs and audit rows.
    if (!REQUEST_ID_PATTERN.test(c.get("requestId"))) c.set("requestId", crypto.randomUUID());
    const started = performance.now();
    await next();
    c.header("X-Request-Id", c.get("requestId"));
    const seconds = (performance.now() - started) / 1000;
    const route = routeLabel(c.req.path);
    metrics.observe({ route, method: c.req.method, status: c.res.status, seconds });
    if (route !== "/healthz" && route !== "/metrics" && route !== "/assets") {
      // Path only: a query string is never logged.
      logger.info(
        {
          requestId: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(seconds * 1000),
        },
        "request",
      );
    }
  });
  app.use(
    secureHeaders({
      xFrameOptions: "DENY",
      referrerPolicy: "same-origin",
      crossOriginResourcePolicy: "same-origin",
      strictTransportSecurity: "max-age=31536000; includeSubDomains",
      // Scripts only from here and, inline, with this request's nonce (Remix's hydration scripts); no inline
      // styles or event handlers, no framing, forms only back to us (and on to the OpenID provider).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: options.development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: options.development ? ["'self'", "ws:"] : ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        // The OIDC login's form answers with a redirect to the provider, which form-action also governs.
        formAction: options.api.auth?.oidc ? ["'self'", new URL(options.api.auth.oidc.issuer).origin] : ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // A state-changing request with a form body (the only kind another site can send without asking) must come
  // from a page of ours: Sec-Fetch-Site same-origin, or an Origin header of this site or PUBLIC_URL. Partner
  // systems with a Bearer token carry no cookie, so there is nothing to forge.
  const csrfCheck = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(options.api.publicUrl).origin,
  });
  app.use((c, next) => (c.req.header("authorization") ? next() : csrfCheck(c, next)));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
      onError: (c) => c.json({ error: { message: "Het verzoek is te groot." } }, 413, { Connection: "close" }),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) {
      return c.text("Dit verzoek is geweigerd: het kwam niet van een pagina van het Ketenportaal.", 403);
    }
    if (error instanceof HTTPException) return error.getResponse();
    logger.error({ requestId: c.get("requestId"), err: error }, "unhandled error");
    return c.json({ error: { message: "Er ging iets mis aan onze kant.", requestId: c.get("requestId") } }, 500);
  });

  app.get("/healthz", async (c) => {
    try {
      await withTimeout(executeRows(db, sql`select 1`), 2000);
      // Kafka being away degrades the service (events wait in the outbox) but the portal works: still 200.
      const relay = options.relayStatus?.() ?? null;
      if (relay?.kafka === "unreachable") {
        return c.json({
          status: "degraded",
          kafka: "unreachable",
          since: relay.unreachableSince?.toISOString() ?? null,
        });
      }
      return c.json({ status: "ok" });
    } catch (error) {
      logger.warn({ err: error }, "health check failed");
      return c.json({ status: "unavailable" }, 503);
    }
  });

  app.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      createContext: (_opts, c) =>
        createApiContext({
          db,
          headers: c.req.raw.headers,
          meta: requestMeta(c),
          config: options.api,
          now: options.now,
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, procedure: path }, "procedure failed");
      },
    }),
  );

  // The partner systems' REST API (API Design Rules), on the same procedures and caller as the portal.
  app.route(
    API_BASE_PATH,
    createRestApi({
      db,
      config: options.api,
      now: options.now,
      meta: (c) => requestMeta(c as Context<Env>),
      onError: (error, operationId) => logger.error({ err: error, operation: operationId }, "REST operation failed"),
    }),
  );

  if (options.portal.clientDir) {
    const root = options.portal.clientDir;
    app.use(
      "/assets/*",
      serveStatic({
        root,
        onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
      }),
    );
    app.use("*", serveStatic({ root, onFound: (_path, c) => c.header("Cache-Control", "public, max-age=3600") }));
  }

  app.all("*", async (c) => {
    const meta = requestMeta(c);
    const api = createApiCaller(
      await createApiContext({ db, headers: c.req.raw.headers, meta, config: options.api, now: options.now }),
    );
    const loadContext: PortalLoadContext = {
      api,
      requestId: meta.requestId,
      cspNonce: c.get("secureHeadersNonce"),
      logger: logger.child({ requestId: meta.requestId, component: "portal" }),
    };
    return options.portal.handler(c.req.raw, loadContext);
  });

  function requestMeta(c: Context<Env>): RequestMeta {
    return { requestId: c.get("requestId"), clientAddress: clientAddress(c, options.trustProxy ?? false) };
  }

  return app;
}

function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** A bounded label for metrics: known tRPC procedures by name, everything else by area. */
function routeLabel(path: string): string {
  if (path === "/healthz" || path === "/metrics") return path;
  if (path.startsWith("/assets/")) return "/assets";
  if (path === API_BASE_PATH || path.startsWith(`${API_BASE_PATH}/`)) return API_BASE_PATH;
  if (path.startsWith("/trpc/")) {
    const procedure = path.slice("/trpc/".length);
    if (procedure.includes(",")) return "/trpc/(batch)";
    return knownProcedures.has(procedure) ? `/trpc/${procedure}` : "/trpc/(unknown)";
  }
  return "portal";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
