import { type Database, memberships, organisations, roles, type Transaction, teams, users } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { ZEmailAddress, ZNewPassword } from "@ketenportaal/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/passwords";
import type { Role } from "../auth/principal";
import { revokeAllSessions } from "../auth/sessions";
import { DomainRefusal } from "../errors";
import { insertServiceAccount } from "./create-service-account";
import { applyServiceAccountRevocation } from "./revoke-service-account";

/** Who runs an account command outside a web request (the CLI, the demo seed). */
export type OperatorMeta = { onBehalfOf: string; requestId?: string };

const emailSchema = ZEmailAddress;
const passwordSchema = ZNewPassword;

export async function createUser(options: {
  db: Database;
  email: string;
  name: string;
  password?: string | undefined;
  organisationSlug: string;
  role: Role;
  teamName?: string | undefined;
  operator: OperatorMeta;
}): Promise<{ userId: string }> {
  const email = parseOrRefuse(emailSchema, options.email);
  const password = options.password === undefined ? undefined : parseOrRefuse(passwordSchema, options.password);
  const role = parseOrRefuse(z.enum(roles, { message: `Onbekende rol; kies uit ${roles.join(", ")}.` }), options.role);
  const name = parseOrRefuse(z.string().trim().min(1, "Vul een naam in."), options.name);
  const passwordHash = password === undefined ? null : await hashPassword(password);

  return withSystemTask(options.db, { task: "cli", requestId: options.operator.requestId }, async (tx) => {
    const organisation = await findOrganisationBySlug(tx, options.organisationSlug);
    let teamId: string | null = null;
    if (options.teamName) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.organisationId, organisation.id), eq(teams.name, options.teamName)));
      if (!team) throw new DomainRefusal("NOT_FOUND", `Team "${options.teamName}" bestaat niet bij deze organisatie.`);
      teamId = team.id;
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new DomainRefusal("CONFLICT", "Er bestaat al een account met dit e-mailadres.");
    const [user] = await tx.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
    if (!user) throw new Error("user insert returned nothing");
    await tx.insert(memberships).values({ userId: user.id, organisationId: organisation.id, teamId, role });
    await writeAudit(tx, {
      organisationId: organisation.id,
      onBehalfOf: options.operator.onBehalfOf,
      purpose: "beheer",
      action: "create",
      objectType: "user",
      objectId: user.id,
      outcome: "success",
      requestId: options.operator.requestId,
    });
    return { userId: user.id };
  });
}

export async function resetPassword(options: {
  db: Database;
  email: string;
  password: string;
  operator: OperatorMeta;
}): Promise<void> {
  const email = parseOrRefuse(emailSchema, options.email);
  const passwordHash = await hashPassword(parseOrRefuse(passwordSchema, options.password));
  await withSystemTask(options.db, { task: "cli", requestId: options.operator.requestId }, async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.email, email))
      .returning({ id: users.id });
    if (!user) throw new DomainRefusal("NOT_FOUND", "Er bestaat geen account met dit e-mailadres.");
    // Whoever knew the old password is logged out everywhere.
    await revokeAllSessions({ tx, userId: user.id });
    await writeAudit(tx, {
      onBehalfOf: options.operator.onBehalfOf,
      purpose: "beheer",
      action: "update",
      objectType: "user.password",
      objectId: user.id,
      outcome: "success",
      requestId: options.operator.requestId,
    });
  });
}

/**
 * Creates a partner system's account (CLI, demo, tests). The token is returned once; only its hash is stored. The
 * same rules as on the beheer page (an active organisation, a name not in use by its active accounts), except that
 * the expiry is optional here: an operator may create a token without one, or an expired one to test with.
 */
export async function createServiceAccount(options: {
  db: Database;
  organisationSlug: string;
  name: string;
  expiresAt?: Date | undefined;
  operator: OperatorMeta;
  now?: Date;
}): Promise<{ serviceAccountId: string; token: string }> {
  const name = parseOrRefuse(z.string().trim().min(1, "Vul een naam in."), options.name);
  return withSystemTask(options.db, { task: "cli", requestId: options.operator.requestId }, async (tx) => {
    const organisation = await findOrganisationBySlug(tx, options.organisationSlug);
    const account = await insertServiceAccount({
      tx,
      organisationId: organisation.id,
      name,
      expiresAt: options.expiresAt ?? null,
      now: options.now ?? new Date(),
    });
    await writeAudit(tx, {
      organisationId: organisation.id,
      onBehalfOf: options.operator.onBehalfOf,
      purpose: "beheer",
      action: "create",
      objectType: "service_account",
      objectId: account.id,
      outcome: "success",
      requestId: options.operator.requestId,
    });
    return { serviceAccountId: account.id, token: account.token };
  });
}

/**
 * Revokes a partner system's token (CLI). The token is refused from the next request on: every request looks the
 * token up again and skips revoked ones. Revoking twice is refused, so the first revocation's time stays.
 */
export async function revokeServiceAccount(options: {
  db: Database;
  serviceAccountId: string;
  operator: OperatorMeta;
  now?: Date;
}): Promise<{ serviceAccountId: string; revokedAt: Date }> {
  const id = parseOrRefuse(z.string().uuid("Geef het id van het serviceaccount (een UUID)."), options.serviceAccountId);
  const revokedAt = options.now ?? new Date();
  return withSystemTask(options.db, { task: "cli", requestId: options.operator.requestId }, async (tx) => {
    const account = await applyServiceAccountRevocation({ tx, id, revokedAt });
    await writeAudit(tx, {
      organisationId: account.organisationId,
      onBehalfOf: options.operator.onBehalfOf,
      purpose: "beheer",
      action: "update",
      objectType: "service_account.revoke",
      objectId: id,
      outcome: "success",
      requestId: options.operator.requestId,
    });
    return { serviceAccountId: id, revokedAt };
  });
}

async function findOrganisationBySlug(tx: Transaction, slug: string) {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!organisation) throw new DomainRefusal("NOT_FOUND", `Organisatie "${slug}" bestaat niet.`);
  return organisation;
}

function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainRefusal("BAD_REQUEST", result.error.issues[0]?.message ?? "Ongeldige invoer.");
  return result.data;
}
