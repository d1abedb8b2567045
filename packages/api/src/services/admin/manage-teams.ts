import { handovers, mailOutbox, municipalities, organisations, teamMunicipalities, teams } from "@ketenportaal/db";
import { describeChanges, findTeamMunicipalitiesProblem } from "@ketenportaal/domain";
import { renderTeamTestMail } from "@ketenportaal/mail";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZCreateTeam,
  ZSendTeamTestMessageResponse,
  ZTeamChangeResponse,
  ZTeamsResponse,
  ZUpdateTeam,
} from "../../routers/admin/teams.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { auditAdminCall } from "./admin-access";
import { listMunicipalityOptions } from "./manage-organisations";
import { isVtFunctionalAdmin, refuseField, requireVtFunctionalAdmin } from "./organisation-admin-access";

const CONFLICT_MESSAGE = "Dit team is intussen door iemand anders gewijzigd. Bekijk de actuele gegevens.";
const OPEN_STATUSES = ["offered", "accepted", "started"] as const;

/**
 * Who may touch a team of an organisation: the VT beheerder every team; a partner coördinator the teams of their
 * own organisation (only the notification address and the test message: the gemeenten route offers, which is the
 * chain's arrangement, and the name is what VT's medewerkers pick from).
 */
function requireTeamManager(ctx: AuthedContext, organisationId: string): "admin" | "coordinator" {
  if (isVtFunctionalAdmin(ctx)) return "admin";
  if (ctx.principal.roles.includes("partner_coordinator")) {
    if (ctx.principal.organisation.id === organisationId) return "coordinator";
    throw new DomainRefusal("FORBIDDEN", "U beheert alleen de teams van uw eigen organisatie.");
  }
  throw new DomainRefusal(
    "FORBIDDEN",
    "Alleen de functioneel beheerder van Veilig Thuis of de coördinator van de organisatie beheert teams.",
  );
}

async function openHandoverCounts(ctx: AuthedContext, teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, number>();
  const rows = await ctx.tx
    .select({ teamId: handovers.targetTeamId, n: count() })
    .from(handovers)
    .where(and(inArray(handovers.targetTeamId, teamIds), inArray(handovers.status, [...OPEN_STATUSES])))
    .groupBy(handovers.targetTeamId);
  return new Map(rows.map((row) => [row.teamId ?? "", row.n]));
}

/** admin.teams.list: the teams of one organisation with their gemeenten (default: the caller's own organisation). */
export async function listTeams(options: {
  ctx: AuthedContext;
  input: { organisationId?: string | undefined } | undefined;
}): Promise<z.infer<typeof ZTeamsResponse>> {
  const { ctx } = options;
  const organisationId = options.input?.organisationId ?? ctx.principal.organisation.id;
  const scope = requireTeamManager(ctx, organisationId);
  const choosable = await ctx.tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, active: organisations.active })
    .from(organisations)
    .where(scope === "admin" ? undefined : eq(organisations.id, organisationId))
    .orderBy(asc(organisations.name));
  if (!choosable.some((o) => o.id === organisationId)) {
    throw new DomainRefusal("NOT_FOUND", "Deze organisatie bestaat niet.");
  }
  const rows = await ctx.tx
    .select({
      id: teams.id,
      version: teams.version,
      organisationId: teams.organisationId,
      name: teams.name,
      notificationEmail: teams.notificationEmail,
    })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(asc(teams.name));
  const ids = rows.map((row) => row.id);
  const served =
    ids.length === 0
      ? []
      : await ctx.tx
          .select({ teamId: teamMunicipalities.teamId, code: teamMunicipalities.municipalityCode })
          .from(teamMunicipalities)
          .where(inArray(teamMunicipalities.teamId, ids));
  const open = await openHandoverCounts(ctx, ids);
  await auditAdminCall(ctx, { action: "read", objectType: "team", objectId: organisationId });
  return {
    organisations: choosable,
    organisationId,
    teams: rows.map((row) => ({
      ...row,
      municipalityCodes: served
        .filter((s) => s.teamId === row.id)
        .map((s) => s.code)
        .sort(),
      openHandovers: open.get(row.id) ?? 0,
    })),
    municipalities: await listMunicipalityOptions(ctx),
    canManageAll: scope === "admin",
  };
}

async function checkMunicipalityCodes(ctx: AuthedContext, codes: readonly string[]) {
  if (codes.length === 0) return;
  const known = await ctx.tx
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(inArray(municipalities.code, [...codes]));
  if (known.length !== codes.length) refuseField("municipalityCodes", "Kies gemeenten uit de lijst.");
}

/** admin.teams.create: a team of an active organisation, with its address and gemeenten (the VT beheerder only). */
export async function createTeam(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZCreateTeam>;
}): Promise<z.infer<typeof ZTeamChangeResponse>> {
  const { ctx, input } = options;
  requireVtFunctionalAdmin(ctx);
  const [organisation] = await ctx.tx
    .select({ id: organisations.id, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new DomainRefusal("NOT_FOUND", "Deze organisatie bestaat niet.");
  if (!organisation.active) {
    refuseField("organisationId", "Deze organisatie is niet actief; activeer haar eerst om een team toe te voegen.");
  }
  await checkMunicipalityCodes(ctx, input.municipalityCodes);
  const [created] = await ctx.tx
    .insert(teams)
    .values({
      organisationId: input.organisationId,
      name: input.name,
      notificationEmail: input.notificationEmail,
      createdAt: ctx.now(),
    })
    .returning({ id: teams.id, version: teams.version });
  if (!created) throw new Error("team insert returned nothing");
  if (input.municipalityCodes.length > 0) {
    await ctx.tx
      .insert(teamMunicipalities)
      .values(input.municipalityCodes.map((code) => ({ teamId: created.id, municipalityCode: code })));
  }
  const changes = describeChanges({ before: {}, after: input });
  await auditTeamChange(ctx, { action: "create", id: created.id, changes });
  return created;
}

/**
 * admin.teams.update: the fields sent, version-checked. A team with open handovers keeps at least one gemeente
 * (domain `findTeamMunicipalitiesProblem`); a partner coördinator changes only the address.
 */
export async function updateTeam(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZUpdateTeam>;
}): Promise<z.infer<typeof ZTeamChangeResponse>> {
  const { ctx, input } = options;
  const [current] = await ctx.tx
    .select({
      id: teams.id,
      version: teams.version,
      organisationId: teams.organisationId,
      name: teams.name,
      notificationEmail: teams.notificationEmail,
    })
    .from(teams)
    .where(eq(teams.id, input.id));
  if (!current) throw new DomainRefusal("NOT_FOUND", "Dit team bestaat niet.");
  const scope = requireTeamManager(ctx, current.organisationId);
  const currentCodes = (
    await ctx.tx
      .select({ code: teamMunicipalities.municipalityCode })
      .from(teamMunicipalities)
      .where(eq(teamMunicipalities.teamId, current.id))
  )
    .map((row) => row.code)
    .sort();
  const before = { name: current.name, notificationEmail: current.notificationEmail, municipalityCodes: currentCodes };
  const after = {
    name: input.name ?? current.name,
    notificationEmail: input.notificationEmail ?? current.notificationEmail,
    municipalityCodes: input.municipalityCodes ?? currentCodes,
  };
  if (
    scope === "coordinator" &&
    describeChanges({
      before: { name: before.name, municipalityCodes: before.municipalityCodes },
      after: { name: after.name, municipalityCodes: after.municipalityCodes },
    }).length > 0
  ) {
    throw new DomainRefusal(
      "FORBIDDEN",
      "De naam en de gemeenten van een team wijzigt de functioneel beheerder van Veilig Thuis; u wijzigt het meldingsadres.",
    );
  }
  // Lock after the authorisation check: the row lock needs the update policy, which a refused caller has not.
  const [locked] = await ctx.tx
    .select({ version: teams.version })
    .from(teams)
    .where(eq(teams.id, current.id))
    .for("update");
  if (!locked || locked.version !== input.version) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  const changes = describeChanges({ before, after });
  if (changes.length === 0) return { id: current.id, version: locked.version };
  const codesChanged = describeChanges({
    before: { c: before.municipalityCodes },
    after: { c: after.municipalityCodes },
  }).length;
  if (codesChanged) {
    await checkMunicipalityCodes(ctx, after.municipalityCodes);
    const open = (await openHandoverCounts(ctx, [current.id])).get(current.id) ?? 0;
    const problem = findTeamMunicipalitiesProblem({ municipalityCodes: after.municipalityCodes, openHandovers: open });
    if (problem) refuseField("municipalityCodes", problem);
  }
  const [updated] = await ctx.tx
    .update(teams)
    .set({ name: after.name, notificationEmail: after.notificationEmail, version: locked.version + 1 })
    .where(and(eq(teams.id, current.id), eq(teams.version, locked.version)))
    .returning({ id: teams.id, version: teams.version });
  if (!updated) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  if (codesChanged) {
    await ctx.tx.delete(teamMunicipalities).where(eq(teamMunicipalities.teamId, current.id));
    if (after.municipalityCodes.length > 0) {
      await ctx.tx
        .insert(teamMunicipalities)
        .values(after.municipalityCodes.map((code) => ({ teamId: current.id, municipalityCode: code })));
    }
  }
  await auditTeamChange(ctx, { action: "update", id: current.id, changes });
  return updated;
}

/**
 * admin.teams.sendTestMessage: one test e-mail to the team's notification address through the mail outbox (sent by
 * the bridge like every other mail). The message names the team only.
 */
export async function sendTeamTestMessage(options: {
  ctx: AuthedContext;
  input: { id: string };
}): Promise<z.infer<typeof ZSendTeamTestMessageResponse>> {
  const { ctx, input } = options;
  const [team] = await ctx.tx
    .select({
      id: teams.id,
      organisationId: teams.organisationId,
      name: teams.name,
      notificationEmail: teams.notificationEmail,
      organisationName: organisations.name,
    })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(teams.id, input.id));
  if (!team) throw new DomainRefusal("NOT_FOUND", "Dit team bestaat niet.");
  requireTeamManager(ctx, team.organisationId);
  const mail = renderTeamTestMail({ params: { teamName: team.name, organisationName: team.organisationName } });
  // The id is made here: a partner coördinator may queue mail but not read the outbox back (RETURNING would).
  const queued = { id: crypto.randomUUID() };
  await ctx.tx.insert(mailOutbox).values({
    id: queued.id,
    toAddress: team.notificationEmail,
    template: "team_test_message",
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
    createdAt: ctx.now(),
  });
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: "execute",
    objectType: "team.test_message",
    objectId: `${team.id} mail=${queued.id}`,
    outcome: "success",
  });
  return { mailId: queued.id };
}

/** As for organisations: `<id> field: before → after; …` in object_id (the team's functional mailbox, gemeentecodes). */
async function auditTeamChange(
  ctx: AuthedContext,
  entry: { action: "create" | "update"; id: string; changes: string[] },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: entry.action,
    objectType: "team",
    objectId: [entry.id, entry.changes.join("; ")].filter(Boolean).join(" "),
    outcome: "success",
  });
}
