import { type Database, userInvites, users, withAuthentication } from "@ketenportaal/db";
import { INVITE_STATE_MESSAGES, type InviteState, inviteStateOf } from "@ketenportaal/domain";
import { and, eq, isNull } from "drizzle-orm";
import { writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import type { RequestMeta } from "./log-in";
import { hashPassword } from "./passwords";
import { revokeAllSessions } from "./sessions";
import { hashToken } from "./tokens";

/** auth.invite.get: whether an invite link still works (no session needed; the token is the secret). */
export async function findInviteState(options: {
  db: Database;
  token: string;
  now: Date;
}): Promise<{ state: InviteState | "unknown" }> {
  const [invite] = await withAuthentication(options.db, {}, (tx) =>
    tx
      .select({ expiresAt: userInvites.expiresAt, usedAt: userInvites.usedAt, active: users.active })
      .from(userInvites)
      .innerJoin(users, eq(users.id, userInvites.userId))
      .where(eq(userInvites.tokenHash, hashToken(options.token))),
  );
  if (!invite?.active) return { state: "unknown" };
  return { state: inviteStateOf({ expiresAt: invite.expiresAt, usedAt: invite.usedAt, now: options.now }) };
}

/**
 * auth.invite.accept: sets the invitee's password and uses up the invite, in one transaction as the authentication
 * role. The password rules are the same as everywhere (ZNewPassword in the input). The person then logs in.
 */
export async function acceptInvite(options: {
  db: Database;
  token: string;
  password: string;
  meta: RequestMeta;
  now: Date;
}): Promise<{ ok: true }> {
  const passwordHash = await hashPassword(options.password);
  return withAuthentication(options.db, { requestId: options.meta.requestId }, async (tx) => {
    const [invite] = await tx
      .select({
        id: userInvites.id,
        userId: userInvites.userId,
        expiresAt: userInvites.expiresAt,
        usedAt: userInvites.usedAt,
        active: users.active,
      })
      .from(userInvites)
      .innerJoin(users, eq(users.id, userInvites.userId))
      .where(eq(userInvites.tokenHash, hashToken(options.token)))
      .for("update", { of: userInvites });
    if (!invite?.active) {
      throw new DomainRefusal("NOT_FOUND", "Deze uitnodiging bestaat niet. Controleer de link in de e-mail.");
    }
    const state = inviteStateOf({ expiresAt: invite.expiresAt, usedAt: invite.usedAt, now: options.now });
    if (state !== "open") throw new DomainRefusal("BAD_REQUEST", INVITE_STATE_MESSAGES[state]);
    const [used] = await tx
      .update(userInvites)
      .set({ usedAt: options.now })
      .where(and(eq(userInvites.id, invite.id), isNull(userInvites.usedAt)))
      .returning({ id: userInvites.id });
    if (!used) throw new DomainRefusal("BAD_REQUEST", INVITE_STATE_MESSAGES.used);
    // Any other open invite of the person (a re-sent one) can no longer set the password.
    await tx
      .update(userInvites)
      .set({ usedAt: options.now })
      .where(and(eq(userInvites.userId, invite.userId), isNull(userInvites.usedAt)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, invite.userId));
    await revokeAllSessions({ tx, userId: invite.userId, now: options.now });
    await writeAudit(tx, {
      userId: invite.userId,
      purpose: "beheer",
      action: "update",
      objectType: "user.invite_accepted",
      objectId: `${invite.userId} invite=${invite.id}`,
      outcome: "success",
      requestId: options.meta.requestId,
      clientAddress: options.meta.clientAddress,
    });
    return { ok: true as const };
  });
}
