import { auditLog, loginFailures, mfaCredentials, mfaRecoveryCodes, sessions } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiContext, createApiContext } from "../../context";
import { createApiCaller } from "../../router";
import { createCallerFactory, mfaProcedure, router } from "../../trpc";
import { resetPassword } from "../accounts/manage-accounts";
import { DEMO_PASSWORD } from "../demo/demo-region";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { logIn } from "./log-in";
import { findSessionPrincipal, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./sessions";
import { MAX_FAILURES_PER_ACCOUNT } from "./throttle";

let test: TestDatabase;
const config = { publicUrl: "https://ketenportaal.test", auth: { mfaRequired: true, passwordLogin: true } };
let address = 0;
/** Each test its own client address, so the per-address count of one test does not throttle another. */
const freshMeta = () => ({ requestId: "auth-test", clientAddress: `192.0.2.${++address}` });

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
});
afterAll(async () => {
  await test?.drop();
});

/** The API as the portal gets it for a browser with this cookie (or none). */
async function apiFor(token: string | null, meta = freshMeta(), now?: () => Date) {
  const headers = new Headers(token ? { cookie: `kp_session=${token}` } : {});
  const context: ApiContext = await createApiContext({ db: test.db, headers, meta, config, ...(now ? { now } : {}) });
  return { api: createApiCaller(context), context };
}

async function codeOf(error: Promise<unknown>): Promise<string | null> {
  try {
    await error;
    return null;
  } catch (caught) {
    return caught instanceof TRPCError ? caught.code : String(caught);
  }
}

describe("sessions", () => {
  it("end after 30 minutes idle and 12 hours after login, whatever the use", async () => {
    const start = new Date("2026-12-01T08:00:00Z");
    const { token } = await logIn({
      db: test.db,
      email: "medewerker@swt-haarlem.example",
      password: DEMO_PASSWORD,
      meta: freshMeta(),
      now: start,
    });
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await findSessionPrincipal({ db: test.db, token, now: at(SESSION_IDLE_MS - 60_000) })).not.toBeNull();
    // Used just now, so another 29 minutes later it still lives; 31 minutes without use ends it.
    expect(await findSessionPrincipal({ db: test.db, token, now: at(2 * SESSION_IDLE_MS - 120_000) })).not.toBeNull();
    expect(await findSessionPrincipal({ db: test.db, token, now: at(3 * SESSION_IDLE_MS) })).toBeNull();

    const second = await logIn({
      db: test.db,
      email: "medewerker@swt-haarlem.example",
      password: DEMO_PASSWORD,
      meta: freshMeta(),
      now: start,
    });
    for (let ms = 20 * 60_000; ms < SESSION_ABSOLUTE_MS; ms += 20 * 60_000) {
      expect(await findSessionPrincipal({ db: test.db, token: second.token, now: at(ms) })).not.toBeNull();
    }
    expect(
      await findSessionPrincipal({ db: test.db, token: second.token, now: at(SESSION_ABSOLUTE_MS + 1) }),
    ).toBeNull();
  });

  it("get a new token at every login, which ends the session the browser had", async () => {
    const first = await logIn({
      db: test.db,
      email: "beleid@gemeente-haarlem.example",
      password: DEMO_PASSWORD,
      meta: freshMeta(),
    });
    const { api } = await apiFor(first.token);
    const second = await api.auth.login({ email: "beleid@gemeente-haarlem.example", password: DEMO_PASSWORD });
    expect(second.token).not.toBe(first.token);
    expect(await findSessionPrincipal({ db: test.db, token: first.token })).toBeNull();
    expect(await findSessionPrincipal({ db: test.db, token: second.token })).not.toBeNull();
  });

  it("all end at logout, in every browser", async () => {
    const login = () =>
      logIn({ db: test.db, email: "medewerker@jb-kennemerland.example", password: DEMO_PASSWORD, meta: freshMeta() });
    const [a, b] = [await login(), await login()];
    const { api } = await apiFor(a.token);
    await api.auth.logout();
    expect(await findSessionPrincipal({ db: test.db, token: a.token })).toBeNull();
    expect(await findSessionPrincipal({ db: test.db, token: b.token })).toBeNull();
  });

  it("all end when the password is reset", async () => {
    const { token } = await logIn({
      db: test.db,
      email: "medewerker@wijkteam-velsen.example",
      password: DEMO_PASSWORD,
      meta: freshMeta(),
    });
    await resetPassword({
      db: test.db,
      email: "medewerker@wijkteam-velsen.example",
      password: "een-heel-nieuw-wachtwoord",
      operator: { onBehalfOf: "cli" },
    });
    expect(await findSessionPrincipal({ db: test.db, token })).toBeNull();
  });
});

describe("throttling failed logins", () => {
  it("refuses an account after too many failures with a Dutch message, the right password included", async () => {
    const email = "coordinator@swt-haarlem.example";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const { api } = await apiFor(null);
      expect(await codeOf(api.auth.login({ email, password: "fout-wachtwoord" }))).toBe("UNAUTHORIZED");
    }
    const { api } = await apiFor(null);
    await expect(api.auth.login({ email, password: DEMO_PASSWORD })).rejects.toThrow(
      "Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.",
    );
    // Another account from another address is not affected.
    const other = await apiFor(null);
    await expect(
      other.api.auth.login({ email: "medewerker@cjg-haarlemmermeer.example", password: DEMO_PASSWORD }),
    ).resolves.toHaveProperty("token");
  });

  it("treats an unknown account exactly like a known one, in message and roughly in time", async () => {
    const timed = async (email: string) => {
      const { api } = await apiFor(null);
      const started = performance.now();
      const error = await api.auth.login({ email, password: "fout-wachtwoord" }).catch((e: unknown) => e);
      return { ms: performance.now() - started, message: (error as Error).message };
    };
    const known = await timed("coordinator.ijmond@vt-kennemerland.example");
    const unknown = await timed("niemand@vt-kennemerland.example");
    expect(unknown.message).toBe(known.message);
    expect(unknown.message).toBe("E-mailadres of wachtwoord is onjuist.");
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(Math.max(known.ms, unknown.ms) * 0.75 + 50);

    // And unknown addresses are throttled like known ones.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await timed("nog-iemand@vt-kennemerland.example");
    const { api } = await apiFor(null);
    expect(await codeOf(api.auth.login({ email: "nog-iemand@vt-kennemerland.example", password: "x" }))).toBe(
      "TOO_MANY_REQUESTS",
    );
  });

  it("throttles a client address that tries many accounts", async () => {
    const meta = freshMeta();
    for (let i = 0; i < 30; i++) {
      const { api } = await apiFor(null, meta);
      await codeOf(api.auth.login({ email: `spray-${i}@example.test`, password: "welkom01" }));
    }
    const { api } = await apiFor(null, meta);
    expect(await codeOf(api.auth.login({ email: "medewerker@swt-haarlem.example", password: DEMO_PASSWORD }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect(
      await test.db.select().from(loginFailures).where(eq(loginFailures.clientAddress, meta.clientAddress)),
    ).toHaveLength(30);
  });
});

const probe = createCallerFactory(router({ secret: mfaProcedure.query(() => "alleen met tweestapsverificatie") }));

describe("second factor, required for VT roles and beheerders", () => {
  const email = "coordinator.haarlem@vt-kennemerland.example";
  let secret = "";
  let recoveryCodes: string[] = [];

  it("sends a VT coordinator without a second factor to enrolment before anything else", async () => {
    const { api } = await apiFor(null);
    const login = await api.auth.login({ email, password: DEMO_PASSWORD });
    expect(login.next).toBe("enrol");
    const pending = await apiFor(login.token);
    expect(await codeOf(pending.api.me())).toBe("UNAUTHORIZED");
    expect(await pending.api.auth.mfa.status()).toEqual({ step: "enrol", enrolled: false, verified: false });

    const enrolment = await pending.api.auth.mfa.startEnrolment();
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(",")[1] ?? "", "base64").toString()).toContain("<svg");
    expect(enrolment.otpauthUri).toContain("otpauth://totp/Ketenportaal");
    secret = enrolment.secret;

    expect(await codeOf(pending.api.auth.mfa.confirmEnrolment({ code: "000000" }))).toBe("BAD_REQUEST");
    const confirmed = await pending.api.auth.mfa.confirmEnrolment({ code: await generate({ secret }) });
    expect(confirmed.recoveryCodes).toHaveLength(10);
    recoveryCodes = confirmed.recoveryCodes;
    // Rotated: the token from before the second step no longer works, the new one does, with MFA on record.
    expect(confirmed.token).not.toBe(login.token);
    expect(await findSessionPrincipal({ db: test.db, token: login.token })).toBeNull();
    const principal = await findSessionPrincipal({ db: test.db, token: confirmed.token });
    expect(principal?.mfa).toBe(true);

    const [credential] = await test.db
      .select()
      .from(mfaCredentials)
      .where(eq(mfaCredentials.userId, principal?.user.id ?? ""));
    expect(credential?.confirmedAt).not.toBeNull();
    const stored = await test.db
      .select()
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, principal?.user.id ?? ""));
    expect(stored).toHaveLength(10);
    // Only hashes: no stored value contains a code.
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ""));
  });

  it("asks the code at the next login; a wrong or reused code is refused", async () => {
    const { api } = await apiFor(null);
    const login = await api.auth.login({ email, password: DEMO_PASSWORD });
    expect(login.next).toBe("verify");
    const pending = await apiFor(login.token);
    expect(await codeOf(pending.api.auth.mfa.verify({ code: "123456" }))).toBe("BAD_REQUEST");
    // The code of the enrolment's time step was used already: wait for a new one or take the next period's.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const verified = await pending.api.auth.mfa.verify({ code: next });
    expect(verified.usedRecoveryCode).toBe(false);
    const { context } = await apiFor(verified.token);
    expect(await probe(context).secret()).toBe("alleen met tweestapsverificatie");
    // The same code again, in a new login: refused (replay).
    const again = await apiFor((await (await apiFor(null)).api.auth.login({ email, password: DEMO_PASSWORD })).token);
    expect(await codeOf(again.api.auth.mfa.verify({ code: next }))).toBe("BAD_REQUEST");
  });

  it("takes a recovery code once", async () => {
    const login = async () => (await apiFor(null)).api.auth.login({ email, password: DEMO_PASSWORD });
    const first = await apiFor((await login()).token);
    const code = recoveryCodes[0] ?? "";
    const result = await first.api.auth.mfa.verify({ code: code.toUpperCase() });
    expect(result.usedRecoveryCode).toBe(true);
    const second = await apiFor((await login()).token);
    expect(await codeOf(second.api.auth.mfa.verify({ code }))).toBe("BAD_REQUEST");
  });

  it("keeps sessions without a second factor out of procedures that require it", async () => {
    const { token } = await logIn({
      db: test.db,
      email: "medewerker@swt-haarlem.example",
      password: DEMO_PASSWORD,
      meta: freshMeta(),
    });
    const { context } = await apiFor(token);
    expect(await codeOf(probe(context).secret())).toBe("FORBIDDEN");
  });

  it("puts every step on record, failures included", async () => {
    const rows = await test.db.select().from(auditLog).where(eq(auditLog.purpose, "authentication"));
    const kinds = new Set(rows.map((row) => `${row.objectType}:${row.outcome}`));
    for (const kind of [
      "session:success",
      "session:failure",
      "user.mfa:success",
      "user.mfa:failure",
      "session.mfa:success",
      "session.mfa:failure",
    ]) {
      expect(kinds).toContain(kind);
    }
    const [pending] = await test.db.select().from(sessions).where(eq(sessions.mfaPending, true)).limit(1);
    expect(pending).toBeDefined();
  });
});
