import { DEMO_PASSWORD, seedDemoRegion } from "@ketenportaal/api";
import { measureMailBacklog, measureOutboxBacklog } from "@ketenportaal/bridge";
import { auditLog, createDatabase, sessions } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, MAX_BODY_BYTES, type PortalHandler } from "./app";
import { createLogger } from "./logger";
import { createMetrics } from "./metrics";

let test: TestDatabase;
let app: ReturnType<typeof createApp>;

/** Stands in for Remix: answers with what the per-request API caller says about the caller. */
const portalProbe: PortalHandler = async (_request, context) => {
  try {
    const me = await context.api.me();
    return Response.json({ requestId: context.requestId, email: me.user?.email, organisation: me.organisation.slug });
  } catch (error) {
    return Response.json({ requestId: context.requestId, error: (error as { code?: string }).code }, { status: 401 });
  }
};

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  app = createApp({
    db: test.db,
    logger: createLogger({ level: "silent" }),
    metrics: createMetrics({
      outboxBacklog: () => measureOutboxBacklog({ db: test.db }),
      mailBacklog: () => measureMailBacklog({ db: test.db }),
    }),
    portal: { handler: portalProbe },
    api: { publicUrl: "http://localhost:3000" },
  });
});
afterAll(async () => {
  await test?.drop();
});

async function trpcMutation(path: string, input: unknown, headers: Record<string, string> = {}) {
  return app.request(`/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
}

async function logInAs(email: string): Promise<string> {
  const response = await trpcMutation("auth.login", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { data: { token: string } } };
  return body.result.data.token;
}

function expectNoStack(text: string) {
  expect(text).not.toMatch(/stack|at .*\.ts:\d+|node_modules/);
}

describe("health and metrics", () => {
  it("answers /healthz with 200 while the database answers", async () => {
    const response = await app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("says degraded, still with 200, while the relay cannot reach Kafka", async () => {
    const since = new Date("2026-11-30T09:00:00Z");
    const degraded = createApp({
      db: test.db,
      logger: createLogger({ level: "silent" }),
      metrics: createMetrics(),
      portal: { handler: portalProbe },
      api: { publicUrl: "http://localhost:3000" },
      relayStatus: () => ({ kafka: "unreachable", unreachableSince: since }),
    });
    const response = await degraded.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "degraded", kafka: "unreachable", since: since.toISOString() });
  });

  it("answers /healthz with 503 when the database does not answer", async () => {
    const handle = await createDatabase({ databaseUrl: test.url, poolSize: 1 });
    await handle.close();
    const broken = createApp({
      db: handle.db,
      logger: createLogger({ level: "silent" }),
      metrics: createMetrics(),
      portal: { handler: portalProbe },
      api: { publicUrl: "http://localhost:3000" },
    });
    const response = await broken.request("/healthz");
    expect(response.status).toBe(503);
  });

  it("counts requests by route in Prometheus text, with the process metrics", async () => {
    await app.request("/trpc/me");
    const response = await app.request("/metrics");
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/http_requests_total\{route="\/trpc\/me",method="GET",status="401"\} \d+/);
    expect(text).toContain("http_request_duration_seconds_bucket");
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toMatch(/^outbox_backlog_events \d+$/m);
    expect(text).toMatch(/^mail_backlog_messages\{state="failed"\} \d+$/m);
    expect(text).toMatch(/^outbox_oldest_unpublished_seconds [\d.e+-]+$/m);
  });
});

describe("login and me", () => {
  it("answers me without a session with 401 UNAUTHORIZED, not a 500", async () => {
    const response = await app.request("/trpc/me");
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text).error.data.code).toBe("UNAUTHORIZED");
    expectNoStack(text);
  });

  it("logs a demo user in and tells who they are", async () => {
    const token = await logInAs("coordinator.haarlem@vt-kennemerland.example");
    const response = await app.request("/trpc/me", { headers: { cookie: `kp_session=${token}` } });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: Record<string, unknown> } };
    expect(result.data).toMatchObject({
      kind: "user",
      user: { email: "coordinator.haarlem@vt-kennemerland.example", name: "Hanna Jansen" },
      organisation: { slug: "vt-kennemerland", name: "Veilig Thuis Kennemerland", kind: "vt" },
      team: { name: "Team Haarlem e.o." },
      roles: ["team_coordinator"],
    });
  });

  it("gives one message for a wrong password and for an unknown e-mail address", async () => {
    const wrongPassword = await trpcMutation("auth.login", {
      email: "medewerker@swt-haarlem.example",
      password: "not-the-password",
    });
    const unknownEmail = await trpcMutation("auth.login", { email: "nobody@example.org", password: DEMO_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const a = (await wrongPassword.json()) as { error: { message: string } };
    const b = (await unknownEmail.json()) as { error: { message: string } };
    expect(a.error.message).toBe("E-mailadres of wachtwoord is onjuist.");
    expect(b.error.message).toBe(a.error.message);
  });

  it("puts every login attempt on record", async () => {
    await trpcMutation("auth.login", { email: "medewerker@cjg-haarlemmermeer.example", password: "wrong-password" });
    await logInAs("medewerker@cjg-haarlemmermeer.example");
    const rows = await test.db
      .select({ outcome: auditLog.outcome, objectType: auditLog.objectType, requestId: auditLog.requestId })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(2);
    expect(rows.map((r) => r.outcome)).toEqual(["success", "failure"]);
    expect(rows.every((r) => r.objectType === "session" && r.requestId)).toBe(true);
  });

  it("ends the session on logout", async () => {
    const token = await logInAs("medewerker@wijkteam-velsen.example");
    const logout = await trpcMutation("auth.logout", {}, { cookie: `kp_session=${token}` });
    expect(logout.status).toBe(200);
    const me = await app.request("/trpc/me", { headers: { cookie: `kp_session=${token}` } });
    expect(me.status).toBe(401);
  });

  it("does not accept an expired session", async () => {
    const token = await logInAs("medewerker@jb-kennemerland.example");
    await test.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` });
    const me = await app.request("/trpc/me", { headers: { cookie: `kp_session=${token}` } });
    expect(me.status).toBe(401);
  });

  it("does not accept a session idle for more than an hour", async () => {
    const token = await logInAs("beleid@gemeente-haarlem.example");
    await test.db.update(sessions).set({ lastSeenAt: sql`now() - interval '61 minutes'` });
    const me = await app.request("/trpc/me", { headers: { cookie: `kp_session=${token}` } });
    expect(me.status).toBe(401);
  });
});

describe("service accounts", () => {
  it("authenticates a partner system by its Bearer token as its organisation", async () => {
    const { createServiceAccount } = await import("@ketenportaal/api");
    const { token } = await createServiceAccount({
      db: test.db,
      organisationSlug: "swt-haarlem",
      name: "Registratiesysteem SWT",
      operator: { onBehalfOf: "test" },
    });
    const me = await app.request("/trpc/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const { result } = (await me.json()) as { result: { data: Record<string, unknown> } };
    expect(result.data).toMatchObject({
      kind: "service_account",
      user: null,
      serviceAccount: { name: "Registratiesysteem SWT" },
      organisation: { slug: "swt-haarlem" },
    });

    const wrong = await app.request("/trpc/me", { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(wrong.status).toBe(401);
  });

  it("refuses an expired service account", async () => {
    const { createServiceAccount } = await import("@ketenportaal/api");
    const { token } = await createServiceAccount({
      db: test.db,
      organisationSlug: "cjg-haarlemmermeer",
      name: "Verlopen koppeling",
      expiresAt: new Date(Date.now() - 1000),
      operator: { onBehalfOf: "test" },
    });
    const me = await app.request("/trpc/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
  });
});

describe("the portal's load context", () => {
  it("hands the portal an API caller bound to this request's session and request id", async () => {
    const token = await logInAs("medewerker@vt-kennemerland.example");
    const response = await app.request("/some/page", {
      headers: { cookie: `kp_session=${token}`, "x-request-id": "req-0123456789" },
    });
    expect(await response.json()).toEqual({
      requestId: "req-0123456789",
      email: "medewerker@vt-kennemerland.example",
      organisation: "vt-kennemerland",
    });
    expect(response.headers.get("x-request-id")).toBe("req-0123456789");
  });

  it("gives an anonymous request an anonymous caller", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe("UNAUTHORIZED");
  });
});

describe("bad input", () => {
  it("answers malformed JSON with 400", async () => {
    const response = await app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expectNoStack(await response.text());
  });

  it("answers invalid input with 400 and a Dutch message per field", async () => {
    const response = await trpcMutation("auth.login", { email: "", password: "" });
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { error: { message: string; data: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.message).toBe("De invoer is niet geldig.");
    expect(body.error.data.fieldErrors).toEqual({
      email: ["Vul uw e-mailadres in."],
      password: ["Vul uw wachtwoord in."],
    });
    expectNoStack(text);
  });

  it("answers wrong types with 400 and Dutch messages for every field at once", async () => {
    const token = await logInAs("medewerker@swt-haarlem.example");
    const response = await trpcMutation(
      "handover.decline",
      { id: "geen-id", version: "twee", reasonCode: "geen-zin" },
      { cookie: `kp_session=${token}` },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { fieldErrors: Record<string, string[]> } } };
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(["id", "reasonCode", "version"]);
    expect(body.error.data.fieldErrors.id).toEqual(["Ongeldige verwijzing."]);
    expect(body.error.data.fieldErrors.version?.[0]).toMatch(/^Ongeldige invoer: verwacht getal/);
    expect(body.error.data.fieldErrors.reasonCode).toEqual(["Kies een reden."]);
  });

  it("answers an unknown procedure with 404", async () => {
    const response = await app.request("/trpc/handover.doesNotExist");
    expect(response.status).toBe(404);
    expectNoStack(await response.text());
  });

  it("answers a mutation called with GET with 405", async () => {
    const response = await app.request("/trpc/auth.login");
    expect(response.status).toBe(405);
  });

  it("answers an oversized body with 413 before parsing it", async () => {
    const response = await app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      body: "x".repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
  });

  it("replaces a request id that does not look like one", async () => {
    const response = await app.request("/healthz", { headers: { "x-request-id": "<script>" } });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
