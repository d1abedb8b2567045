import {
  DATABASE_ROLES,
  mailOutbox,
  memberships,
  organisations,
  type Transaction,
  teams,
  userInvites,
  users,
} from "@ketenportaal/db";
import {
  findLastAdminProblem,
  findRoleProblem,
  INVITE_VALID_DAYS,
  inviteExpiryFrom,
  inviteStateOf,
  mayGiveRole,
  PARTNER_MANAGED_ROLES,
} from "@ketenportaal/domain";
import { renderInviteMail } from "@ketenportaal/mail";
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZInvitePerson,
  ZInvitePersonResponse,
  ZPeopleResponse,
  ZPersonChangeResponse,
  ZUpdateMembership,
} from "../../routers/admin/people.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { applySecondFactorReset } from "../auth/mfa";
import type { Role } from "../auth/principal";
import { revokeAllSessions } from "../auth/sessions";
import { generateToken, hashToken } from "../auth/tokens";
import { DomainRefusal } from "../errors";
import { isVtFunctionalAdmin, refuseField } from "./organisation-admin-access";

const ALL_ROLES: readonly Role[] = [
  "vt_worker",
  "team_coordinator",
  "partner_worker",
  "partner_coordinator",
  "policy_officer",
  "functional_admin",
];
const CONFLICT_MESSAGE =
  "De rol of het team van deze persoon is intussen door iemand anders gewijzigd. Bekijk de actuele gegevens.";
const PERSON_CONFLICT_MESSAGE =
  "De naam of het e-mailadres van deze persoon is intussen door iemand anders gewijzigd. Bekijk de actuele gegevens.";

/**
 * Sessions and second factors belong to the authentication role (migrations 0005, 0006): no beheerder's role reads
 * other people's sessions. Ending them runs as that role for a moment, in the request's own transaction, so the
 * change, the ended sessions and the audit row commit together; the role is the request's again afterwards.
 */
async function asAuthenticationRole<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('role', ${DATABASE_ROLES.auth}, true)`);
  const result = await work();
  await tx.execute(sql`select set_config('role', ${DATABASE_ROLES.app}, true)`);
  return result;
}

const EMAIL_TAKEN = "Er bestaat al een account met dit e-mailadres.";

/** Who manages whom: the VT beheerder everyone, a partner coördinator their own organisation's people. */
type Manager = { vtAdmin: boolean; organisationId: string };

function requirePeopleManager(ctx: AuthedContext): Manager {
  if (isVtFunctionalAdmin(ctx)) return { vtAdmin: true, organisationId: ctx.principal.organisation.id };
  if (ctx.principal.roles.includes("partner_coordinator") && ctx.principal.organisation.kind !== "vt") {
    return { vtAdmin: false, organisationId: ctx.principal.organisation.id };
  }
  throw new DomainRefusal(
    "FORBIDDEN",
    "Mensen worden beheerd door de functioneel beheerder van Veilig Thuis of de coördinator van hun organisatie.",
  );
}

function refuseOtherOrganisation(): never {
  throw new DomainRefusal("FORBIDDEN", "U beheert alleen de mensen van uw eigen organisatie.");
}

/** A person a coördinator may touch has only partner-role memberships, all in the coördinator's organisation. */
async function requireManagedPerson(ctx: AuthedContext, manager: Manager, userId: string) {
  const [known] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!known) throw new DomainRefusal("NOT_FOUND", "Deze persoon bestaat niet.");
  const rows = await ctx.tx
    .select({ organisationId: memberships.organisationId, role: memberships.role, kind: organisations.kind })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  if (!manager.vtAdmin) {
    const outside = rows.some(
      (row) =>
        row.organisationId !== manager.organisationId ||
        !(PARTNER_MANAGED_ROLES as readonly string[]).includes(row.role),
    );
    if (rows.length === 0 || outside) refuseOtherOrganisation();
  }
  // Locked only once in scope: the update policy hides other people's rows from a coördinator.
  const [person] = await ctx.tx
    .select({ id: users.id, email: users.email, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!person) refuseOtherOrganisation();
  return { ...person, isVtAdmin: rows.some((row) => row.kind === "vt" && row.role === "functional_admin") };
}

/** Active VT beheerders other than the given person (or membership). */
async function countOtherVtAdmins(ctx: AuthedContext, exclude: { userId?: string; membershipId?: string }) {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.role, "functional_admin"),
        eq(organisations.kind, "vt"),
        eq(organisations.active, true),
        eq(users.active, true),
        exclude.userId ? ne(users.id, exclude.userId) : undefined,
        exclude.membershipId ? ne(memberships.id, exclude.membershipId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

async function checkTeam(ctx: AuthedContext, organisationId: string, teamId: string | null) {
  if (!teamId) return null;
  const [team] = await ctx.tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, organisationId)));
  if (!team) refuseField("teamId", "Kies een team van deze organisatie.");
  return team;
}

function checkRole(manager: Manager, role: Role) {
  if (!mayGiveRole({ actorIsVtAdmin: manager.vtAdmin, role })) {
    refuseField("role", "U kunt alleen de rollen medewerker en coördinator van uw organisatie geven.");
  }
}

/** The audit log has no details column: `<userId> field: before → after; …` in object_id, no names or addresses. */
async function auditPersonChange(
  ctx: AuthedContext,
  entry: { action: "create" | "update" | "execute"; objectType: string; userId: string; changes: string[] },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: entry.action,
    objectType: entry.objectType,
    objectId: [entry.userId, entry.changes.join("; ")].filter(Boolean).join(" "),
    outcome: "success",
  });
}

const organisationKindOf = (rows: { id: string; kind: string }[], id: string) =>
  rows.find((row) => row.id === id)?.kind ?? "";

/** admin.people.list: the people of one organisation (a coördinator: their own), with role, team and invite state. */
export async function listPeople(options: {
  ctx: AuthedContext;
  input: { organisationId?: string | undefined } | undefined;
}): Promise<z.infer<typeof ZPeopleResponse>> {
  const { ctx } = options;
  const manager = requirePeopleManager(ctx);
  const organisationId = options.input?.organisationId ?? manager.organisationId;
  if (!manager.vtAdmin && organisationId !== manager.organisationId) refuseOtherOrganisation();
  const organisationRows = await ctx.tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, active: organisations.active })
    .from(organisations)
    .where(manager.vtAdmin ? undefined : eq(organisations.id, manager.organisationId))
    .orderBy(asc(organisations.name));
  if (!organisationRows.some((o) => o.id === organisationId)) {
    throw new DomainRefusal("NOT_FOUND", "Deze organisatie bestaat niet.");
  }
  const teamRows = await ctx.tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.name));
  const rows = await ctx.tx
    .select({
      userId: users.id,
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      teamId: memberships.teamId,
      active: users.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name), asc(memberships.role));
  const userIds = [...new Set(rows.map((row) => row.userId))];
  const invites =
    userIds.length === 0
      ? []
      : await ctx.tx
          .select({ userId: userInvites.userId, expiresAt: userInvites.expiresAt, usedAt: userInvites.usedAt })
          .from(userInvites)
          .where(inArray(userInvites.userId, userIds))
          .orderBy(desc(userInvites.createdAt));
  const latestInvite = new Map<string, (typeof invites)[number]>();
  for (const invite of invites) if (!latestInvite.has(invite.userId)) latestInvite.set(invite.userId, invite);
  const teamName = new Map(teamRows.map((team) => [team.id, team.name]));
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: "read",
    objectType: "person.list",
    objectId: `organisation=${organisationId} ${userIds.join(" ")}`.trim(),
    outcome: "success",
  });
  return {
    organisationId,
    organisations: organisationRows,
    teams: teamRows,
    roles: (manager.vtAdmin ? ALL_ROLES : PARTNER_MANAGED_ROLES).filter(
      (role) =>
        findRoleProblem({ role, organisationKind: organisationKindOf(organisationRows, organisationId) }) === null,
    ),
    people: rows.map((row) => {
      const invite = latestInvite.get(row.userId);
      return {
        ...row,
        teamName: row.teamId ? (teamName.get(row.teamId) ?? null) : null,
        invite: invite ? inviteStateOf({ expiresAt: invite.expiresAt, usedAt: invite.usedAt, now: ctx.now() }) : null,
      };
    }),
  };
}

/**
 * admin.people.invite: a new person without a password, their membership, a one-time invite (only the token's hash is
 * stored) and the invite e-mail through the mail outbox — all in this transaction. The token leaves only in the mail.
 */
export async function invitePerson(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZInvitePerson>;
}): Promise<z.infer<typeof ZInvitePersonResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  if (!manager.vtAdmin && input.organisationId !== manager.organisationId) refuseOtherOrganisation();
  checkRole(manager, input.role);
  const [organisation] = await ctx.tx
    .select({ id: organisations.id, kind: organisations.kind, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) refuseField("organisationId", "Kies een organisatie uit de lijst.");
  if (!organisation.active) refuseField("organisationId", "Deze organisatie is gedeactiveerd.");
  const roleProblem = findRoleProblem({ role: input.role, organisationKind: organisation.kind });
  if (roleProblem) refuseField("role", roleProblem);
  await checkTeam(ctx, organisation.id, input.teamId);
  const [taken] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) refuseField("email", EMAIL_TAKEN);

  const userId = crypto.randomUUID();
  const now = ctx.now();
  // Only the granted columns (no password, no created_at): the app role may not set a password.
  await ctx.tx.execute(
    sql`insert into users (id, email, name, active) values (${userId}, ${input.email}, ${input.name}, true)`,
  );
  await ctx.tx.execute(sql`insert into memberships (id, user_id, organisation_id, team_id, role)
    values (${crypto.randomUUID()}, ${userId}, ${organisation.id}, ${input.teamId}, ${input.role})`);
  const { inviteId, mailId } = await queueInvite(ctx, { userId, email: input.email, now });
  await auditPersonChange(ctx, {
    action: "create",
    objectType: "person",
    userId,
    changes: [
      `organisation: → ${organisation.id}`,
      `role: → ${input.role}`,
      ...(input.teamId ? [`team: → ${input.teamId}`] : []),
      `invite=${inviteId} mail=${mailId}`,
    ],
  });
  return { userId, mailId };
}

/** A one-time invite (only the token's hash is stored) and its e-mail through the mail outbox; the token leaves only in the mail. */
async function queueInvite(ctx: AuthedContext, options: { userId: string; email: string; now: Date }) {
  const { userId, now } = options;
  const token = generateToken("kpi_");
  const inviteId = crypto.randomUUID();
  await ctx.tx.insert(userInvites).values({
    id: inviteId,
    userId,
    tokenHash: hashToken(token),
    expiresAt: inviteExpiryFrom({ now }),
    createdAt: now,
  });
  const mail = renderInviteMail({
    params: { link: `${ctx.config.publicUrl.replace(/\/+$/, "")}/uitnodiging/${token}`, validDays: INVITE_VALID_DAYS },
  });
  // The id is made here: a partner coördinator may queue mail but not read the outbox back (RETURNING would).
  const mailId = crypto.randomUUID();
  await ctx.tx.insert(mailOutbox).values({
    id: mailId,
    toAddress: options.email,
    template: "user_invite",
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
    createdAt: now,
  });
  return { inviteId, mailId };
}

/**
 * admin.people.reinvite: a new invite for someone who never used theirs (it expired, or the mail got lost). An earlier
 * link to the same address works until it expires; once one is used, the others are refused as used.
 */
export async function reinvitePerson(options: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<z.infer<typeof ZInvitePersonResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const person = await requireManagedPerson(ctx, manager, input.userId);
  if (!person.active) throw new DomainRefusal("BAD_REQUEST", "Deze persoon is gedeactiveerd. Activeer eerst.");
  const invites = await ctx.tx
    .select({ id: userInvites.id, usedAt: userInvites.usedAt })
    .from(userInvites)
    .where(eq(userInvites.userId, person.id));
  if (invites.length === 0 || invites.some((invite) => invite.usedAt !== null)) {
    throw new DomainRefusal("BAD_REQUEST", "Deze persoon heeft de uitnodiging al gebruikt en kan inloggen.");
  }
  const now = ctx.now();
  const { inviteId, mailId } = await queueInvite(ctx, { userId: person.id, email: person.email, now });
  await auditPersonChange(ctx, {
    action: "execute",
    objectType: "person.invite",
    userId: person.id,
    changes: [`invite=${inviteId} mail=${mailId}`, `earlier invites: ${invites.length}`],
  });
  return { userId: person.id, mailId };
}

/** admin.people.update: a membership's role and team, checked against what the form showed. */
export async function updateMembership(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZUpdateMembership>;
}): Promise<z.infer<typeof ZPersonChangeResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const [current] = await ctx.tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      organisationId: memberships.organisationId,
      role: memberships.role,
      teamId: memberships.teamId,
      kind: organisations.kind,
      userActive: users.active,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, input.membershipId));
  if (!current) throw new DomainRefusal("NOT_FOUND", "Dit lidmaatschap bestaat niet.");
  if (!manager.vtAdmin) {
    if (current.organisationId !== manager.organisationId) refuseOtherOrganisation();
    if (!(PARTNER_MANAGED_ROLES as readonly string[]).includes(current.role)) refuseOtherOrganisation();
  }
  // Locked once in scope (the update policy hides other rows), then compared with what the form showed.
  const [locked] = await ctx.tx
    .select({ role: memberships.role, teamId: memberships.teamId })
    .from(memberships)
    .where(eq(memberships.id, current.id))
    .for("update");
  if (!locked) refuseOtherOrganisation();
  current.role = locked.role;
  current.teamId = locked.teamId;
  if (current.role !== input.expectedRole || current.teamId !== input.expectedTeamId) {
    throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  }
  checkRole(manager, input.role);
  const roleProblem = findRoleProblem({ role: input.role, organisationKind: current.kind });
  if (roleProblem) refuseField("role", roleProblem);
  await checkTeam(ctx, current.organisationId, input.teamId);
  const wasVtAdmin = current.kind === "vt" && current.role === "functional_admin" && current.userActive;
  if (wasVtAdmin) {
    const problem = findLastAdminProblem({
      wasVtAdmin,
      remainsVtAdmin: input.role === "functional_admin",
      remainingAfter: await countOtherVtAdmins(ctx, { membershipId: current.id }),
    });
    if (problem) refuseField("role", problem);
  }
  const personChange = await preparePersonChange(ctx, manager, current.userId, input);
  const changes = [
    ...(current.role !== input.role ? [`role: ${current.role} → ${input.role}`] : []),
    ...(current.teamId !== input.teamId ? [`team: ${current.teamId ?? "–"} → ${input.teamId ?? "–"}`] : []),
  ];
  if (changes.length === 0 && personChange.changes.length === 0) return { userId: current.userId };
  if (changes.length === 0) return applyPersonChange(ctx, current.userId, personChange, [`membership=${current.id}`]);
  const [taken] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, current.userId),
        eq(memberships.organisationId, current.organisationId),
        eq(memberships.role, input.role),
        ne(memberships.id, current.id),
      ),
    );
  if (taken) refuseField("role", "Deze persoon heeft deze rol al bij deze organisatie.");
  await ctx.tx
    .update(memberships)
    .set({ role: input.role, teamId: input.teamId })
    .where(eq(memberships.id, current.id));
  return applyPersonChange(ctx, current.userId, personChange, [`membership=${current.id}`, ...changes]);
}

type PersonChange = { set: { name?: string; email?: string }; changes: string[] };

/**
 * The name and e-mail address in admin.people.update: checked against what the form showed (users have no version),
 * the address free among every account (stored lower-cased, so case-insensitive). The person must be wholly the
 * manager's (a coördinator: only partner roles in their organisation), as for deactivating. The audit row says which
 * field changed, not the values: no names or addresses in the audit log.
 */
async function preparePersonChange(
  ctx: AuthedContext,
  manager: Manager,
  userId: string,
  input: z.infer<typeof ZUpdateMembership>,
): Promise<PersonChange> {
  if (input.name === undefined && input.email === undefined) return { set: {}, changes: [] };
  const person = await requireManagedPerson(ctx, manager, userId);
  if (
    (input.expectedName !== undefined && person.name !== input.expectedName) ||
    (input.expectedEmail !== undefined && person.email !== input.expectedEmail)
  ) {
    throw new DomainRefusal("CONFLICT", PERSON_CONFLICT_MESSAGE);
  }
  const set: PersonChange["set"] = {};
  if (input.name !== undefined && input.name !== person.name) set.name = input.name;
  if (input.email !== undefined && input.email !== person.email) {
    const [taken] = await ctx.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, input.email), ne(users.id, person.id)));
    if (taken) throw new DomainRefusal("CONFLICT", EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });
    set.email = input.email;
  }
  return { set, changes: Object.keys(set).map((field) => `${field}: gewijzigd`) };
}

/**
 * Writes the name and address (if changed) and the audit row. A new e-mail address is a new identity for logging in
 * and for OIDC (which finds a person by address): every session of the person ends in this transaction.
 */
async function applyPersonChange(
  ctx: AuthedContext,
  userId: string,
  personChange: PersonChange,
  changes: string[],
): Promise<z.infer<typeof ZPersonChangeResponse>> {
  let endedSessions: number | undefined;
  if (personChange.changes.length > 0) {
    await ctx.tx.update(users).set(personChange.set).where(eq(users.id, userId));
  }
  if (personChange.set.email !== undefined) {
    endedSessions = await asAuthenticationRole(ctx.tx, () => revokeAllSessions({ tx: ctx.tx, userId, now: ctx.now() }));
  }
  await auditPersonChange(ctx, {
    action: "update",
    objectType: "person",
    userId,
    changes: [
      ...changes,
      ...personChange.changes,
      ...(endedSessions === undefined ? [] : [`sessions ended: ${endedSessions}`]),
    ],
  });
  return endedSessions === undefined ? { userId } : { userId, endedSessions };
}

/**
 * admin.people.revokeInvite: the person's open invites stop working at once — their expiry becomes now, so the link
 * is refused as no longer valid (the same message as an expired one). A new invite can be sent afterwards.
 */
export async function revokePersonInvites(options: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<z.infer<typeof ZPersonChangeResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const person = await requireManagedPerson(ctx, manager, input.userId);
  const now = ctx.now();
  const open = await ctx.tx
    .select({ id: userInvites.id })
    .from(userInvites)
    .where(and(eq(userInvites.userId, person.id), isNull(userInvites.usedAt), gt(userInvites.expiresAt, now)))
    .for("update");
  if (open.length === 0) {
    throw new DomainRefusal("CONFLICT", "Deze persoon heeft geen openstaande uitnodiging om in te trekken.");
  }
  await ctx.tx
    .update(userInvites)
    .set({ expiresAt: now })
    .where(
      inArray(
        userInvites.id,
        open.map((invite) => invite.id),
      ),
    );
  await auditPersonChange(ctx, {
    action: "update",
    objectType: "person.invite",
    userId: person.id,
    changes: open.map((invite) => `invite=${invite.id}: open → revoked`),
  });
  return { userId: person.id };
}

/** admin.people.deactivate: the person can no longer log in, and every session of theirs ends in this transaction. */
export async function deactivatePerson(options: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<z.infer<typeof ZPersonChangeResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const person = await requireManagedPerson(ctx, manager, input.userId);
  if (ctx.principal.kind === "user" && ctx.principal.user.id === person.id) {
    throw new DomainRefusal("BAD_REQUEST", "U kunt uzelf niet deactiveren.");
  }
  if (!person.active) throw new DomainRefusal("CONFLICT", "Deze persoon is al gedeactiveerd.");
  const problem = findLastAdminProblem({
    wasVtAdmin: person.isVtAdmin,
    remainsVtAdmin: false,
    remainingAfter: person.isVtAdmin ? await countOtherVtAdmins(ctx, { userId: person.id }) : 1,
  });
  if (problem) throw new DomainRefusal("BAD_REQUEST", problem);
  await ctx.tx.update(users).set({ active: false }).where(eq(users.id, person.id));
  const endedSessions = await asAuthenticationRole(ctx.tx, () =>
    revokeAllSessions({ tx: ctx.tx, userId: person.id, now: ctx.now() }),
  );
  await auditPersonChange(ctx, {
    action: "update",
    objectType: "person",
    userId: person.id,
    changes: ["active: true → false", `sessions ended: ${endedSessions}`],
  });
  return { userId: person.id, endedSessions };
}

/** admin.people.reactivate: the person may log in again (with the password or provider they had). */
export async function reactivatePerson(options: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<z.infer<typeof ZPersonChangeResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const person = await requireManagedPerson(ctx, manager, input.userId);
  if (person.active) throw new DomainRefusal("CONFLICT", "Deze persoon is al actief.");
  await ctx.tx.update(users).set({ active: true }).where(eq(users.id, person.id));
  await auditPersonChange(ctx, {
    action: "update",
    objectType: "person",
    userId: person.id,
    changes: ["active: false → true"],
  });
  return { userId: person.id };
}

/**
 * admin.people.resetMfa: the CLI's reset (`applySecondFactorReset`): the second factor becomes one to enrol again, the
 * recovery codes go and every session ends — in this request's transaction, with its audit row.
 */
export async function resetPersonMfa(options: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<z.infer<typeof ZPersonChangeResponse>> {
  const { ctx, input } = options;
  const manager = requirePeopleManager(ctx);
  const person = await requireManagedPerson(ctx, manager, input.userId);
  const { endedSessions } = await asAuthenticationRole(ctx.tx, () =>
    applySecondFactorReset({ tx: ctx.tx, userId: person.id, now: ctx.now() }),
  );
  await auditPersonChange(ctx, {
    action: "execute",
    objectType: "person.mfa_reset",
    userId: person.id,
    changes: [`sessions ended: ${endedSessions}`],
  });
  return { userId: person.id, endedSessions };
}
