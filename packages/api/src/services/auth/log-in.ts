import { type Database, type Queryable, users, withAuthentication } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
import { writeAudit } from "../audit/write-audit";
import { hasConfirmedSecondFactor, mfaRequiredFor } from "./mfa";
import { verifyPassword } from "./passwords";
import { buildUserPrincipal, createSession, type LoginMethod, revokeSession } from "./sessions";
import { clearAccountFailures, isThrottled, LoginThrottledError, recordLoginFailure } from "./throttle";

export class LoginFailedError extends Error {
  constructor() {
    super("E-mailadres of wachtwoord is onjuist.");
    this.name = "LoginFailedError";
  }
}

export type RequestMeta = { requestId: string; clientAddress: string | null };

/** What comes after the first login step: nothing (logged in), the code, or setting up the second factor. */
export type LoginNextStep = "done" | "verify" | "enrol";

export type LoginResult = { token: string; expiresAt: Date; next: LoginNextStep };

export type LoginPolicy = {
  /** VT roles and beheerders must use a second factor. */
  mfaRequired: boolean;
};

/**
 * Checks e-mail and password and opens a session. Both failures look the same to the caller (and take about as
 * long: an unknown account still costs a hash), too many failures per account or client address are refused
 * before the password is looked at, and every attempt is on record in the audit log.
 */
export async function logIn(options: {
  db: Database;
  email: string;
  password: string;
  meta: RequestMeta;
  now?: Date;
  policy?: LoginPolicy;
  /** The caller's current session (a half-finished login, say): it ends when the new one starts. */
  previousSessionId?: string | null;
}): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const email = options.email.trim().toLowerCase();
  const { throttled, user } = await withAuthentication(
    options.db,
    { requestId: options.meta.requestId },
    async (tx) => {
      const [found] = await tx
        .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
        .from(users)
        .where(eq(users.email, email))
        .limit(1);
      return {
        throttled: await isThrottled({ db: tx, email, clientAddress: options.meta.clientAddress, now }),
        user: found,
      };
    },
  );
  // Always spend the hash, throttled or not, known or not: the answer's timing tells nothing. No transaction is
  // open meanwhile.
  const passwordOk = await verifyPassword({ password: options.password, passwordHash: user?.passwordHash ?? null });
  const ok = Boolean(!throttled && user?.active && passwordOk);

  const result = await withAuthentication(
    options.db,
    { userId: user?.id, requestId: options.meta.requestId },
    async (tx) => {
      const subject = ok && user ? await loginSubjectOf({ db: tx, userId: user.id, policy: options.policy }) : null;
      if (!subject) {
        if (!throttled) await recordLoginFailure({ tx, email, clientAddress: options.meta.clientAddress, now });
        await writeAudit(tx, { ...loginAudit(options.meta, user?.id ?? null), outcome: "failure" });
        // The failure rows must survive: commit them, then report the failure.
        return null;
      }
      await clearAccountFailures({ tx, email });
      return openSession({
        tx,
        subject,
        method: "password",
        meta: options.meta,
        now,
        previousSessionId: options.previousSessionId,
      });
    },
  );
  if (throttled) throw new LoginThrottledError();
  if (!result) throw new LoginFailedError();
  return result;
}

function loginAudit(meta: RequestMeta, userId: string | null) {
  return {
    userId,
    purpose: "authentication",
    action: "execute" as const,
    objectType: "session",
    requestId: meta.requestId,
    clientAddress: meta.clientAddress,
  };
}

/** Who the person is and which second step they face; read before the login's transaction. */
export type LoginSubject = { userId: string; organisationId: string | null; roles: string[]; next: LoginNextStep };

export async function loginSubjectOf(options: {
  db: Queryable;
  userId: string;
  policy?: LoginPolicy | undefined;
}): Promise<LoginSubject> {
  const principal = await buildUserPrincipal({
    db: options.db,
    user: { id: options.userId, email: "", name: "" },
    sessionId: "",
  });
  const enrolled = await hasConfirmedSecondFactor(options.db, options.userId);
  const required = mfaRequiredFor(principal?.roles ?? [], options.policy?.mfaRequired ?? false);
  return {
    userId: options.userId,
    organisationId: principal?.organisation.id ?? null,
    roles: principal?.roles ?? [],
    next: enrolled ? "verify" : required ? "enrol" : "done",
  };
}

/**
 * Opens a new session after a successful first step (password or OIDC), ending the caller's previous one. When
 * the person has a second factor, or must have one, the session allows only that step until it is done.
 */
export async function openSession(options: {
  tx: Queryable;
  subject: LoginSubject;
  method: LoginMethod;
  meta: RequestMeta;
  now: Date;
  previousSessionId?: string | null | undefined;
}): Promise<LoginResult> {
  const { tx, subject, now } = options;
  if (options.previousSessionId) await revokeSession({ tx, sessionId: options.previousSessionId, now });
  const session = await createSession({
    tx,
    userId: subject.userId,
    now,
    method: options.method,
    mfaPending: subject.next !== "done",
  });
  await writeAudit(tx, {
    ...loginAudit(options.meta, subject.userId),
    organisationId: subject.organisationId,
    role: subject.roles.join(",") || null,
    objectId: session.sessionId,
    outcome: "success",
  });
  return { token: session.token, expiresAt: session.expiresAt, next: subject.next };
}
