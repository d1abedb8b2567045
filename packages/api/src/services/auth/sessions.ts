import {
  type Database,
  memberships,
  mfaCredentials,
  organisations,
  type Queryable,
  sessions,
  teams,
  users,
  withAuthentication,
} from "@ketenportaal/db";
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Principal, Role } from "./principal";
import { generateToken, hashToken } from "./tokens";

/** A session ends 12 hours after login at the latest, and after 30 minutes without use. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** A session waiting for its second factor lasts 10 minutes at most. */
export const PENDING_MFA_MS = 10 * 60 * 1000;
const TOUCH_AFTER_MS = 60 * 1000;

export type LoginMethod = "password" | "oidc";

export async function createSession(options: {
  tx: Queryable;
  userId: string;
  now?: Date;
  method?: LoginMethod;
  /** The session allows only the second login step until `completeSecondFactor`. */
  mfaPending?: boolean;
}): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + (options.mfaPending ? PENDING_MFA_MS : SESSION_ABSOLUTE_MS));
  const [row] = await options.tx
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId: options.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      method: options.method ?? "password",
      mfaPending: options.mfaPending ?? false,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("session insert returned nothing");
  return { token, sessionId: row.id, expiresAt };
}

/**
 * The second factor was checked: the session gets a new token (the one from before the check stops working), full
 * rights, and its 12 hours counted from login.
 */
export async function completeSecondFactor(options: {
  tx: Queryable;
  sessionId: string;
  now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = generateToken();
  const [row] = await options.tx
    .update(sessions)
    .set({
      tokenHash: hashToken(token),
      mfaPending: false,
      mfaVerifiedAt: now,
      lastSeenAt: now,
      expiresAt: sql`${sessions.createdAt} + interval '12 hours'`,
    })
    .where(and(eq(sessions.id, options.sessionId), isNull(sessions.revokedAt)))
    .returning({ expiresAt: sessions.expiresAt });
  if (!row) throw new Error("session to complete not found");
  return { token, expiresAt: row.expiresAt };
}

export async function revokeSession(options: { tx: Queryable; sessionId: string; now?: Date }): Promise<void> {
  await options.tx
    .update(sessions)
    .set({ revokedAt: options.now ?? new Date() })
    .where(and(eq(sessions.id, options.sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a person (logout, password reset). */
export async function revokeAllSessions(options: { tx: Queryable; userId: string; now?: Date }): Promise<number> {
  const rows = await options.tx
    .update(sessions)
    .set({ revokedAt: options.now ?? new Date() })
    .where(and(eq(sessions.userId, options.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** A session that waits for its second login step: who it is for, and whether they still have to enrol. */
export type PendingMfaSession = { sessionId: string; userId: string; email: string; enrolled: boolean };

/** The session behind a cookie that still waits for its second factor, or null. */
export async function findPendingMfaSession(options: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<PendingMfaSession | null> {
  const now = options.now ?? new Date();
  const [row] = await withAuthentication(options.db, {}, (tx) =>
    tx
      .select({ sessionId: sessions.id, userId: users.id, email: users.email, confirmedAt: mfaCredentials.confirmedAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(mfaCredentials, eq(mfaCredentials.userId, users.id))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(options.token)),
          eq(sessions.mfaPending, true),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          eq(users.active, true),
        ),
      )
      .limit(1),
  );
  if (!row) return null;
  return { sessionId: row.sessionId, userId: row.userId, email: row.email, enrolled: row.confirmedAt !== null };
}

/** The principal behind a session cookie, or null when the session is unknown, revoked, idle or expired. */
export async function findSessionPrincipal(options: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<Extract<Principal, { kind: "user" }> | null> {
  const now = options.now ?? new Date();
  return withAuthentication(options.db, {}, async (tx) => {
    // The session, its person and their memberships in one query (one round trip on every request): a row per
    // membership in an active organisation, none when the session is not valid or the person has no membership.
    const rows = await tx
      .select({
        id: sessions.id,
        lastSeenAt: sessions.lastSeenAt,
        mfaVerifiedAt: sessions.mfaVerifiedAt,
        userId: users.id,
        email: users.email,
        name: users.name,
        ...membershipColumns,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(organisations, and(eq(organisations.id, memberships.organisationId), eq(organisations.active, true)))
      .leftJoin(teams, eq(teams.id, memberships.teamId))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(options.token)),
          isNull(sessions.revokedAt),
          eq(sessions.mfaPending, false),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
          eq(users.active, true),
        ),
      )
      .orderBy(...membershipOrder);
    const session = rows[0];
    if (!session) return null;

    const principal = principalOf({
      user: { id: session.userId, email: session.email, name: session.name },
      sessionId: session.id,
      memberships: rows.map(toMembership),
    });
    if (!principal) return null;
    principal.mfa = session.mfaVerifiedAt !== null;

    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await tx
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(and(eq(sessions.id, session.id), lt(sessions.lastSeenAt, now)));
    }
    return principal;
  });
}

/** A person's principal from their memberships; null without an active membership. */
export async function buildUserPrincipal(options: {
  db: Queryable;
  user: { id: string; email: string; name: string };
  sessionId: string;
}): Promise<Extract<Principal, { kind: "user" }> | null> {
  const rows = await options.db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, options.user.id), eq(organisations.active, true)))
    .orderBy(...membershipOrder);
  return principalOf({ user: options.user, sessionId: options.sessionId, memberships: rows.map(toMembership) });
}

const membershipColumns = {
  role: memberships.role,
  organisation: {
    id: organisations.id,
    slug: organisations.slug,
    name: organisations.name,
    kind: organisations.kind,
  },
  teamId: teams.id,
  teamName: teams.name,
};
const membershipOrder = [asc(memberships.createdAt), asc(sql`${memberships.role}::text`)] as const;

type MembershipRow = {
  role: string;
  organisation: Extract<Principal, { kind: "user" }>["organisation"];
  teamId: string | null;
  teamName: string | null;
};

function toMembership(row: MembershipRow) {
  return {
    role: row.role,
    organisation: row.organisation,
    team: row.teamId && row.teamName ? { id: row.teamId, name: row.teamName } : null,
  };
}

function principalOf(options: {
  user: { id: string; email: string; name: string };
  sessionId: string;
  memberships: ReturnType<typeof toMembership>[];
}): Extract<Principal, { kind: "user" }> | null {
  const first = options.memberships[0];
  if (!first) return null;
  // A person acts for one organisation at a time: the one of their first membership.
  const inOrganisation = options.memberships.filter((m) => m.organisation.id === first.organisation.id);
  const teamRow = inOrganisation.find((m) => m.team !== null)?.team ?? null;
  return {
    kind: "user",
    sessionId: options.sessionId,
    user: options.user,
    organisation: first.organisation,
    team: teamRow,
    roles: [...new Set(inOrganisation.map((m) => m.role as Role))],
  };
}
