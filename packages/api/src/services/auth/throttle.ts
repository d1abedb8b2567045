import { loginFailures, type Queryable } from "@ketenportaal/db";
import { and, count, eq, gt, lt } from "drizzle-orm";
import { hashToken } from "./tokens";

/** Failed attempts (password or second factor) counted over this window. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Per e-mail address as typed: enough for typos, too few for guessing. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per client address: an office behind one NAT address still gets room, a password sprayer does not. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export class LoginThrottledError extends Error {
  constructor() {
    super("Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.");
    this.name = "LoginThrottledError";
  }
}

/** The throttling key of an account: a hash of the e-mail address as typed, known or not. */
export function accountKeyOf(email: string): string {
  return hashToken(`login:${email.trim().toLowerCase()}`);
}

/** Whether the account or the client address has had too many failures in the window. */
export async function isThrottled(options: {
  db: Queryable;
  email: string;
  clientAddress: string | null;
  now: Date;
}): Promise<boolean> {
  const since = new Date(options.now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount] = await options.db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.accountKey, accountKeyOf(options.email)), gt(loginFailures.failedAt, since)));
  if ((byAccount?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT) return true;
  if (!options.clientAddress) return false;
  const [byAddress] = await options.db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.clientAddress, options.clientAddress), gt(loginFailures.failedAt, since)));
  return (byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginFailure(options: {
  tx: Queryable;
  email: string;
  clientAddress: string | null;
  now: Date;
}): Promise<void> {
  await options.tx.insert(loginFailures).values({
    accountKey: accountKeyOf(options.email),
    clientAddress: options.clientAddress,
    failedAt: options.now,
  });
  // Rows older than the window no longer count: clean them up as we go.
  await options.tx
    .delete(loginFailures)
    .where(lt(loginFailures.failedAt, new Date(options.now.getTime() - THROTTLE_WINDOW_MS)));
}

/** A successful login forgets the account's earlier failures (the address's count stays). */
export async function clearAccountFailures(options: { tx: Queryable; email: string }): Promise<void> {
  await options.tx.delete(loginFailures).where(eq(loginFailures.accountKey, accountKeyOf(options.email)));
}
