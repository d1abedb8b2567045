import { type Database, users, withRequest } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
import { writeAudit } from "../audit/write-audit";
import { verifyPassword } from "./passwords";
import { createSession } from "./sessions";

export class LoginFailedError extends Error {
  constructor() {
    super("E-mailadres of wachtwoord is onjuist.");
    this.name = "LoginFailedError";
  }
}

export type RequestMeta = { requestId: string; clientAddress: string | null };

/**
 * Checks e-mail and password and opens a session. Both failures look the same to the caller, and every attempt
 * is on record in the audit log.
 */
export async function logIn(options: {
  db: Database;
  email: string;
  password: string;
  meta: RequestMeta;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const email = options.email.trim().toLowerCase();
  const [user] = await options.db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const passwordOk = await verifyPassword({ password: options.password, passwordHash: user?.passwordHash ?? null });
  const ok = Boolean(user?.active && passwordOk);

  return withRequest(options.db, { userId: user?.id, requestId: options.meta.requestId }, async (tx) => {
    const auditBase = {
      userId: user?.id ?? null,
      purpose: "authentication",
      action: "execute" as const,
      objectType: "session",
      requestId: options.meta.requestId,
      clientAddress: options.meta.clientAddress,
    };
    if (!ok || !user) {
      await writeAudit(tx, { ...auditBase, outcome: "failure" });
      // The failure row must survive: commit it, then report the failure.
      return null;
    }
    const session = await createSession({ tx, userId: user.id, now: options.now });
    await writeAudit(tx, { ...auditBase, objectId: session.sessionId, outcome: "success" });
    return { token: session.token, expiresAt: session.expiresAt };
  }).then((result) => {
    if (!result) throw new LoginFailedError();
    return result;
  });
}
