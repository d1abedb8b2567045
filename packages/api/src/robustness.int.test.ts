import { type Database, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { appRouter, createApiCaller } from "./router";
import { logIn } from "./services/auth/log-in";
import type { Principal } from "./services/auth/principal";
import { completeSecondFactor, findSessionPrincipal } from "./services/auth/sessions";
import { DEMO_PASSWORD } from "./services/demo/demo-region";
import { seedDemoCases } from "./services/demo/seed-demo-cases";
import { seedDemoRegion } from "./services/demo/seed-demo-region";
import { testApiConfig } from "./testing/callers";

/**
 * Robustness: every procedure, called by a logged-in person with generated and malformed input, answers with a
 * client error or a result — never an internal error — and a refused call leaves every table as it was, but for
 * the one `failure` row of the audit log that records the attempt (none for input that fails the schema).
 */

type Procedure = { _def: { inputs?: { shape?: Record<string, unknown> }[] } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;
// Sessions record their last use on every call, and failed logins are counted on purpose: both change by design.
const VOLATILE = new Set(["sessions", "login_failures", "mfa_credentials", "mfa_recovery_codes"]);
const now = new Date("2026-11-25T10:00:00Z");
let test: TestDatabase;
let tables: string[] = [];
type Snapshot = { digest: string; lastAuditId: number };
const people: { email: string; userId: string; principal: Principal }[] = [];

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  for (const email of [
    "medewerker@vt-kennemerland.example",
    "coordinator.haarlem@vt-kennemerland.example",
    "medewerker@swt-haarlem.example",
    "beheer@vt-kennemerland.example",
  ]) {
    const meta = { requestId: "robustness", clientAddress: null };
    const { token: password } = await logIn({ db: test.db, email, password: DEMO_PASSWORD, meta, now });
    let token = password;
    // The beheerder's session passed the second factor, so the audit-log search (mfaProcedure) meets the input too.
    if (email.startsWith("beheer@")) {
      const session = await findSessionPrincipal({ db: test.db, token, now });
      if (session?.kind !== "user") throw new Error(`no session for ${email}`);
      token = (await completeSecondFactor({ tx: test.db, sessionId: session.sessionId, now })).token;
    }
    const principal = await findSessionPrincipal({ db: test.db, token, now });
    if (principal?.kind !== "user") throw new Error(`no principal for ${email}`);
    people.push({ email, userId: principal.user.id, principal });
  }
  const rows = await executeRows<{ name: string }>(
    test.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  tables = rows.map((row) => row.name).filter((name) => !VOLATILE.has(name) && name !== "audit_log");
}, 180_000);
afterAll(async () => {
  await test?.drop();
});

/** One digest of every table's rows — any insert, update or delete changes it — and of the audit log up to a row. */
async function digestUpTo(lastAuditId: number): Promise<string> {
  const parts = tables.map(
    (name) => sql`coalesce((select md5(string_agg(t::text, '|' order by t::text)) from ${sql.identifier(name)} t), '')`,
  );
  const audit = sql`coalesce((select md5(string_agg(a::text, '|' order by a.id)) from audit_log a
    where a.id <= ${lastAuditId}), '')`;
  const [row] = await executeRows<{ digest: string }>(
    test.db,
    sql`select md5(concat_ws(',', ${sql.join([...parts, audit], sql`, `)})) as digest`,
  );
  return row?.digest ?? "";
}

/** The data as it is now: what a call appends to the audit log after it is then checked row by row. */
async function fingerprint(): Promise<Snapshot> {
  const [row] = await executeRows<{ id: string }>(test.db, sql`select coalesce(max(id), 0)::text as id from audit_log`);
  const lastAuditId = Number(row?.id ?? 0);
  return { digest: await digestUpTo(lastAuditId), lastAuditId };
}

/** The audit rows appended since the snapshot. */
async function auditRowsAfter(snapshot: Snapshot) {
  return executeRows<{ outcome: string; user_id: string | null; request_id: string | null }>(
    test.db,
    sql`select outcome::text as outcome, user_id, request_id from audit_log where id > ${snapshot.lastAuditId}
        order by id`,
  );
}

const scalar = fc.oneof(
  fc.string(),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom("", " ", "offered", "2026-02-30", "9999-99-99", "GM0392", "<script>", "'; drop table cases; --"),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);

/** Inputs of the procedure's own shape (its keys, any values) half the time; anything at all otherwise. */
function inputsFor(procedure: Procedure): fc.Arbitrary<unknown> {
  const keys = Object.keys(procedure._def.inputs?.[0]?.shape ?? {});
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string(), scalar));
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] })
      : fc.constant(undefined);
  return fc.oneof(shaped, fc.anything(), fc.constant(undefined));
}

function procedureAt(api: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split(".").reduce((node, key) => (node as Record<string, unknown>)[key], api) as (
    input: unknown,
  ) => Promise<unknown>;
}

// Calls that start a login flow or talk to an OpenID provider are covered by the authentication tests.
const RUNS = 12;
const SKIPPED = new Set(["auth.oidc.start", "auth.oidc.finish", "auth.logout"]);

describe("every procedure under generated input", () => {
  it("never fails internally, and a refused call changes nothing", async () => {
    let baseline = await fingerprint();
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    const count = (code: string) => outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    let called = 0;
    for (const [path, procedure] of Object.entries(procedures)) {
      if (SKIPPED.has(path)) continue;
      called++;
      const property = fc.asyncProperty(fc.constantFrom(...people), inputsFor(procedure), async (person, input) => {
        const api = createApiCaller({
          db: test.db as Database,
          principal: person.principal,
          meta: { requestId: "robustness", clientAddress: null },
          config: testApiConfig,
          now: () => now,
        });
        try {
          await procedureAt(api, path)(input);
          count("OK");
          baseline = await fingerprint();
          return true;
        } catch (error) {
          const code = error instanceof TRPCError ? error.code : "THROWN";
          count(code);
          if (code === "INTERNAL_SERVER_ERROR" || code === "THROWN") {
            failures.push(`${path} as ${person.email} with ${JSON.stringify(input)?.slice(0, 300)}: ${String(error)}`);
            return false;
          }
          // Exactly one failure row for this person and request — none for input the schema refused — and
          // every other row as it was.
          const appended = await auditRowsAfter(baseline);
          const schemaRefusal = code === "BAD_REQUEST" && (error as TRPCError).cause instanceof ZodError;
          const expected = schemaRefusal ? 0 : 1;
          const rowsRight =
            appended.length === expected &&
            appended.every(
              (row) => row.outcome === "failure" && row.user_id === person.userId && row.request_id === "robustness",
            );
          const unchanged = (await digestUpTo(baseline.lastAuditId)) === baseline.digest;
          if (rowsRight && unchanged) {
            baseline = await fingerprint();
            return true;
          }
          failures.push(
            `${path} as ${person.email} refused (${code}) but ${unchanged ? `wrote ${appended.length} audit rows (${expected} expected): ${JSON.stringify(appended)}` : "changed data"}`,
          );
          baseline = await fingerprint();
          return false;
        }
      });
      const result = await fc.check(property, { numRuns: RUNS, seed: 20261126, endOnFailure: true });
      // A property that threw (rather than returned false) is a failure of the test itself: say so too.
      if (result.failed && !failures.some((line) => line.startsWith(path))) {
        failures.push(`${path}: ${String(result.errorInstance)}`);
      }
    }
    expect(failures).toEqual([]);
    // Every procedure was really called, and inputs got past validation some of the time.
    const calls = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
    expect(calls).toBe(called * RUNS);
    expect(outcomes.get("BAD_REQUEST")).toBeGreaterThan(0);
    expect(outcomes.get("OK")).toBeGreaterThan(called / 2);
    console.info(`robustness: ${calls} calls of ${called} procedures`, Object.fromEntries(outcomes));
  }, 600_000);
});
