import {
  cases,
  handoverHistory,
  handovers,
  memberships,
  municipalities,
  organisations,
  regions,
  type Transaction,
  teams,
  users,
} from "@ketenportaal/db";
import {
  acceptanceDueOn,
  assertHandoverEditable,
  checkFirstContactDate,
  decideHandoverTransition,
  findMissingPackageItems,
  firstContactDueOn,
  HandoverNotEditableError,
  HandoverTransitionError,
  initialHandoverStatus,
  requiresPackageGate,
  TABLE_DECISION_HISTORY_REASON,
  toAmsterdamDate,
  ZCompleteInput,
  ZDeclineInput,
} from "@ketenportaal/domain";
import { type HandoverEvent, handoverTopicFor, ZHandoverEventPayload } from "@ketenportaal/events";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ApiConfig, AuthedContext } from "../../context";
import { writeAudit } from "../audit/write-audit";
import type { Principal } from "../auth/principal";
import { loadInvolvedPersons } from "../case/load-involved-persons";
import { DomainRefusal } from "../errors";
import { writeOutboxEvent } from "../outbox/write-outbox-event";
import { handoverPartyOf, isVtCaseworker } from "./access";
import { describeLastChange, type LoadedHandover, loadHandover } from "./load-handover";
import { notifyAboutHandover } from "./notify-about-handover";

type PackageFields = {
  concerns?: string | null | undefined;
  safetyConditions?: string | null | undefined;
  householdView?: string | null | undefined;
  vtContactUserId?: string | null | undefined;
  vtJoinsFirstVisit?: boolean | null | undefined;
};
type Versioned = { id: string; version: number };

export type HandoverCommand =
  | ({ kind: "create"; caseId: string; targetTeamId: string } & PackageFields)
  | ({ kind: "update"; targetTeamId?: string | undefined } & Versioned & PackageFields)
  | ({ kind: "offer" } & Versioned)
  | ({ kind: "withdraw"; reasonText?: string | undefined } & Versioned)
  | ({ kind: "accept" } & Versioned)
  | ({ kind: "decline"; reasonCode: string; reasonText?: string | undefined } & Versioned)
  | ({ kind: "assign"; userId: string } & Versioned)
  | ({ kind: "start"; firstContactOn: string } & Versioned)
  | ({ kind: "complete"; outcomeCode: string; referredTo?: string | undefined } & Versioned)
  | ({ kind: "return"; reasonText: string } & Versioned)
  /**
   * Decided at the overdrachtstafel (services/table): created as accepted by the partner's participant at the
   * table, behind the same package gate as an offer. Only the table decision issues it.
   */
  | ({
      kind: "decide_at_table";
      caseId: string;
      targetTeamId: string;
      acceptedByUserId: string;
      /** The VT worker who brought the case to the table. */
      offeringUserId: string;
    } & PackageFields)
  /** Raised by the deadline watch, not by a person: the deadline has passed. */
  | { kind: "escalate"; id: string; deadlineKind: "acceptance" | "first_contact"; dueOn: string };

/** Who issues a command: a person or partner system, or the portal itself (the deadline watch). */
export type HandoverActor = { kind: "principal"; principal: Principal } | { kind: "system"; name: string };

export type HandoverCommandOptions = {
  tx: Transaction;
  actor: HandoverActor;
  command: HandoverCommand;
  now: Date;
  config: ApiConfig;
  requestId: string | null;
  clientAddress: string | null;
};

export type HandoverCommandResult = { id: string; status: string; version: number };

/** The tRPC procedures' way in: the request's principal and transaction. */
export function runHandoverCommand(options: { ctx: AuthedContext; command: HandoverCommand }) {
  const { ctx } = options;
  return applyHandoverCommand({
    tx: ctx.tx,
    actor: { kind: "principal", principal: ctx.principal },
    command: options.command,
    now: ctx.now(),
    config: ctx.config,
    requestId: ctx.meta.requestId,
    clientAddress: ctx.meta.clientAddress,
  });
}

const eventOf: Partial<Record<HandoverCommand["kind"], HandoverEvent>> = {
  offer: "offered",
  withdraw: "withdrawn",
  accept: "accepted",
  decline: "declined",
  start: "started",
  complete: "completed",
  return: "returned",
  escalate: "escalated",
};

/**
 * The one place a handover changes. In the caller's transaction it applies the domain rule, writes the handover
 * (guarded by its version), its history row, the audit row, the outbox event and the notifications. Any refusal
 * throws before anything is written; the transaction takes care of the rest.
 */
export async function applyHandoverCommand(options: HandoverCommandOptions): Promise<HandoverCommandResult> {
  const { command } = options;
  if (command.kind === "create") return createHandover({ ...options, command });
  if (command.kind === "decide_at_table") return createHandoverAtTable({ ...options, command });

  const current = await loadHandover(options.tx, command.id);
  const party =
    options.actor.kind === "system"
      ? "system"
      : current
        ? handoverPartyOf(options.actor.principal, current.handover)
        : null;
  if (!current || !party) {
    throw new DomainRefusal("NOT_FOUND", "Deze overdracht bestaat niet of is niet aan uw organisatie gericht.");
  }
  if ("version" in command && command.version !== current.handover.version) {
    throw new DomainRefusal("CONFLICT", await describeLastChange(options.tx, command.id));
  }

  const from = current.handover.status;
  const change = await decideChange({ ...options, current, party });
  const [updated] = await options.tx
    .update(handovers)
    .set({ ...change.set, version: sql`${handovers.version} + 1`, updatedAt: options.now })
    .where(and(eq(handovers.id, command.id), eq(handovers.version, current.handover.version)))
    .returning();
  if (!updated) {
    // Someone else committed between our read and our write: exactly one of us wins.
    throw new DomainRefusal("CONFLICT", await describeLastChange(options.tx, command.id));
  }

  await writeHistoryAndAudit({
    ...options,
    handoverId: updated.id,
    caseId: updated.caseId,
    from,
    to: updated.status,
    version: updated.version,
    reason: change.reason,
  });
  const event = eventOf[command.kind];
  if (event) {
    await writeHandoverEvent({
      tx: options.tx,
      event,
      handover: updated,
      loaded: current,
      now: options.now,
      deadlineKind: command.kind === "escalate" ? command.deadlineKind : undefined,
    });
  }
  await notifyAboutHandover({
    tx: options.tx,
    event: command.kind === "assign" ? "assigned" : (event ?? null),
    handover: updated,
    loaded: current,
    config: options.config,
    assigneeUserId: command.kind === "assign" ? command.userId : null,
    deadlineKind: command.kind === "escalate" ? command.deadlineKind : null,
    dueOn: command.kind === "escalate" ? command.dueOn : null,
  });
  return { id: updated.id, status: updated.status, version: updated.version };
}

type ChangeDecision = { set: Partial<typeof handovers.$inferInsert>; reason: string | null };

async function decideChange(
  options: HandoverCommandOptions & { current: LoadedHandover; party: "requester" | "owner" | "system" },
): Promise<ChangeDecision> {
  const { command, current, party, now } = options;
  const handover = current.handover;
  const today = toAmsterdamDate({ instant: now });
  if (command.kind === "create" || command.kind === "decide_at_table") {
    throw new Error("creation is not a change of an existing handover");
  }

  if (command.kind === "escalate") {
    if (party !== "system") throw new DomainRefusal("FORBIDDEN", "Alleen het portaal zelf escaleert termijnen.");
    return {
      set: {},
      reason: command.deadlineKind === "acceptance" ? "Acceptatietermijn verlopen" : "Termijn eerste contact verlopen",
    };
  }
  if (party === "system") throw new DomainRefusal("FORBIDDEN", "Deze actie vraagt een persoon of partnersysteem.");

  if (command.kind === "update") {
    if (party !== "requester") throw new DomainRefusal("FORBIDDEN", "Alleen Veilig Thuis kan het pakket bewerken.");
    refuseTransitionErrors(() => assertHandoverEditable({ status: handover.status }));
    const set: ChangeDecision["set"] = pickPackageFields(command);
    if (command.targetTeamId && command.targetTeamId !== handover.targetTeamId) {
      const team = await findTargetTeam(options.tx, command.targetTeamId);
      set.targetTeamId = team.id;
      set.targetOrganisationId = team.organisationId;
    }
    if (command.vtContactUserId) await assertVtContact(options.tx, command.vtContactUserId, handover.organisationId);
    return { set, reason: null };
  }

  if (command.kind === "assign") {
    const principal = (options.actor as Extract<HandoverActor, { kind: "principal" }>).principal;
    const coordinator = principal.kind === "service_account" || principal.roles.includes("partner_coordinator");
    if (party !== "owner" || !coordinator) {
      throw new DomainRefusal("FORBIDDEN", "Alleen een coördinator van de ontvangende organisatie kan toewijzen.");
    }
    if (handover.status !== "accepted" && handover.status !== "started") {
      throw new DomainRefusal("BAD_REQUEST", "Alleen een geaccepteerde of gestarte overdracht kan worden toegewezen.");
    }
    const [member] = await options.tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, command.userId),
          eq(memberships.organisationId, handover.targetOrganisationId),
          inArray(memberships.role, ["partner_worker", "partner_coordinator"]),
        ),
      )
      .limit(1);
    if (!member) {
      throw new DomainRefusal("BAD_REQUEST", "Kies een medewerker van uw eigen organisatie.", {
        fieldErrors: { userId: ["Kies een medewerker van uw eigen organisatie."] },
      });
    }
    return { set: { assignedUserId: command.userId }, reason: null };
  }

  const to = refuseTransitionErrors(() =>
    decideHandoverTransition({ from: handover.status, action: command.kind, party }),
  );
  switch (command.kind) {
    case "offer": {
      const persons = await loadInvolvedPersons(options.tx, handover.caseId);
      const missing = findMissingPackageItems({
        safetyAssessmentCompletedAt: current.safetyAssessmentCompletedAt,
        conclusion: current.conclusion,
        involvedPersons: persons.map((p) => ({
          id: p.id,
          role: p.role,
          spokenStatus: p.spokenStatus,
          notSpokenReason: p.notSpokenReason,
        })),
        concerns: handover.concerns,
        safetyConditions: handover.safetyConditions,
        householdView: handover.householdView,
        vtContactUserId: handover.vtContactUserId,
        vtJoinsFirstVisit: handover.vtJoinsFirstVisit,
      });
      if (missing.length > 0) {
        throw new DomainRefusal(
          "BAD_REQUEST",
          `Het pakket is nog niet compleet: ${missing.map((item) => item.message).join(" ")}`,
          { missingItems: missing },
        );
      }
      return {
        set: {
          status: to,
          offeredAt: now,
          acceptanceDueOn: acceptanceDueOn({ offeredAt: now, acceptanceDays: current.acceptanceDeadlineDays }),
        },
        reason: null,
      };
    }
    case "withdraw":
      return { set: { status: to, closedAt: now }, reason: command.reasonText || null };
    case "accept": {
      const principal = (options.actor as Extract<HandoverActor, { kind: "principal" }>).principal;
      // A medewerker who accepts takes the case on; a coördinator or partner system assigns it later.
      const assignee =
        principal.kind === "user" && principal.roles.includes("partner_worker") ? principal.user.id : null;
      return {
        set: {
          status: to,
          acceptedAt: now,
          firstContactDueOn: firstContactDueOn({ acceptedAt: now, firstContactDays: current.firstContactDeadlineDays }),
          ...(assignee ? { assignedUserId: assignee } : {}),
        },
        reason: null,
      };
    }
    case "decline": {
      const input = parseOrRefuse(ZDeclineInput, { reasonCode: command.reasonCode, reasonText: command.reasonText });
      return {
        set: {
          status: to,
          closedAt: now,
          declineReasonCode: input.reasonCode,
          declineReasonText: input.reasonText ?? null,
        },
        reason: input.reasonText ?? null,
      };
    }
    case "start": {
      const acceptedOn = handover.acceptedAt ? toAmsterdamDate({ instant: handover.acceptedAt }) : today;
      const problem = checkFirstContactDate({ firstContactOn: command.firstContactOn, acceptedOn, today });
      if (problem) throw new DomainRefusal("BAD_REQUEST", problem, { fieldErrors: { firstContactOn: [problem] } });
      return { set: { status: to, firstContactOn: command.firstContactOn }, reason: null };
    }
    case "complete": {
      const input = parseOrRefuse(ZCompleteInput, { outcomeCode: command.outcomeCode, referredTo: command.referredTo });
      return {
        set: { status: to, closedAt: now, outcomeCode: input.outcomeCode, outcomeReferredTo: input.referredTo ?? null },
        reason: input.referredTo ?? null,
      };
    }
    case "return":
      return { set: { status: to, closedAt: now, returnReasonText: command.reasonText }, reason: command.reasonText };
  }
}

async function createHandover(
  options: HandoverCommandOptions & { command: Extract<HandoverCommand, { kind: "create" }> },
): Promise<HandoverCommandResult> {
  const { command, tx } = options;
  if (options.actor.kind !== "principal" || !isVtCaseworker(options.actor.principal)) {
    throw new DomainRefusal("FORBIDDEN", "Alleen medewerkers van Veilig Thuis kunnen een overdracht opstellen.");
  }
  const principal = options.actor.principal;
  if (principal.kind !== "user") {
    throw new DomainRefusal(
      "FORBIDDEN",
      "Een overdracht wordt opgesteld door een medewerker, niet door een koppeling.",
    );
  }
  const [caseRow] = await tx
    .select({ id: cases.id, municipalityCode: cases.municipalityCode, regionId: municipalities.regionId })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(eq(cases.id, command.caseId), eq(cases.organisationId, principal.organisation.id)))
    .limit(1);
  if (!caseRow) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  const team = await findTargetTeam(tx, command.targetTeamId);
  if (command.vtContactUserId) await assertVtContact(tx, command.vtContactUserId, principal.organisation.id);

  const [created] = await tx
    .insert(handovers)
    .values({
      caseId: caseRow.id,
      organisationId: principal.organisation.id,
      offeringUserId: principal.user.id,
      targetOrganisationId: team.organisationId,
      targetTeamId: team.id,
      municipalityCode: caseRow.municipalityCode,
      regionId: caseRow.regionId,
      status: "draft",
      ...pickPackageFields(command),
      createdAt: options.now,
      updatedAt: options.now,
    })
    .returning();
  if (!created) throw new Error("handover insert returned nothing");
  await writeHistoryAndAudit({
    ...options,
    handoverId: created.id,
    caseId: created.caseId,
    from: null,
    to: "draft",
    version: created.version,
    reason: null,
  });
  return { id: created.id, status: created.status, version: created.version };
}

/**
 * A handover decided at the overdrachtstafel: the partner's participant accepted it there, so it starts as
 * accepted (the first-contact term runs from now) and its history names that participant with
 * "besloten aan de overdrachtstafel". The package must be complete, as for an offer; the audit row names who
 * recorded the decision.
 */
async function createHandoverAtTable(
  options: HandoverCommandOptions & { command: Extract<HandoverCommand, { kind: "decide_at_table" }> },
): Promise<HandoverCommandResult> {
  const { command, tx, now } = options;
  const principal = options.actor.kind === "principal" ? options.actor.principal : null;
  if (principal?.kind !== "user" || !isVtCaseworker(principal)) {
    throw new DomainRefusal("FORBIDDEN", "Alleen Veilig Thuis legt besluiten van de overdrachtstafel vast.");
  }
  const [caseRow] = await tx
    .select({
      id: cases.id,
      municipalityCode: cases.municipalityCode,
      safetyAssessmentCompletedAt: cases.safetyAssessmentCompletedAt,
      conclusion: cases.conclusion,
      regionId: municipalities.regionId,
      firstContactDeadlineDays: regions.firstContactDeadlineDays,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(and(eq(cases.id, command.caseId), eq(cases.organisationId, principal.organisation.id)))
    .limit(1);
  if (!caseRow) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  const team = await findTargetTeam(tx, command.targetTeamId);
  const [acceptor] = await tx
    .select({ userId: memberships.userId, role: memberships.role, teamId: memberships.teamId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, command.acceptedByUserId),
        eq(memberships.organisationId, team.organisationId),
        inArray(memberships.role, ["partner_worker", "partner_coordinator"]),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!acceptor) {
    const message =
      "Kies wie namens de ontvangende organisatie aan tafel accepteert: een medewerker van die organisatie.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { acceptedByUserId: [message] } });
  }
  if (command.vtContactUserId) await assertVtContact(tx, command.vtContactUserId, principal.organisation.id);

  const fields = pickPackageFields(command);
  if (requiresPackageGate({ origin: "table_decision" })) {
    const persons = await loadInvolvedPersons(tx, caseRow.id);
    const missing = findMissingPackageItems({
      safetyAssessmentCompletedAt: caseRow.safetyAssessmentCompletedAt,
      conclusion: caseRow.conclusion,
      involvedPersons: persons.map((p) => ({
        id: p.id,
        role: p.role,
        spokenStatus: p.spokenStatus,
        notSpokenReason: p.notSpokenReason,
      })),
      concerns: fields.concerns ?? null,
      safetyConditions: fields.safetyConditions ?? null,
      householdView: fields.householdView ?? null,
      vtContactUserId: fields.vtContactUserId ?? null,
      vtJoinsFirstVisit: fields.vtJoinsFirstVisit ?? null,
    });
    if (missing.length > 0) {
      throw new DomainRefusal(
        "BAD_REQUEST",
        `Het pakket is nog niet compleet: ${missing.map((item) => item.message).join(" ")}`,
        { missingItems: missing },
      );
    }
  }

  const status = initialHandoverStatus({ origin: "table_decision" });
  // A medewerker who accepts takes the case on, as with an accept in the portal; a coördinator assigns it later.
  const assignee = acceptor.role === "partner_worker" ? acceptor.userId : null;
  const [created] = await tx
    .insert(handovers)
    .values({
      caseId: caseRow.id,
      organisationId: principal.organisation.id,
      offeringUserId: command.offeringUserId,
      targetOrganisationId: team.organisationId,
      targetTeamId: team.id,
      assignedUserId: assignee,
      municipalityCode: caseRow.municipalityCode,
      regionId: caseRow.regionId,
      status,
      ...fields,
      offeredAt: now,
      acceptedAt: now,
      firstContactDueOn: firstContactDueOn({ acceptedAt: now, firstContactDays: caseRow.firstContactDeadlineDays }),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error("handover insert returned nothing");

  await tx.insert(handoverHistory).values({
    handoverId: created.id,
    at: now,
    action: command.kind,
    fromStatus: null,
    toStatus: created.status,
    actorUserId: acceptor.userId,
    actorOrganisationId: team.organisationId,
    reason: TABLE_DECISION_HISTORY_REASON,
    version: created.version,
  });
  await writeAudit(tx, {
    occurredAt: now,
    userId: principal.user.id,
    organisationId: principal.organisation.id,
    role: principal.roles.join(",") || null,
    purpose: "handover",
    action: "create",
    objectType: `handover.${command.kind}`,
    objectId: created.id,
    caseId: created.caseId,
    outcome: "success",
    requestId: options.requestId,
    clientAddress: options.clientAddress,
  });

  const loaded = await loadHandover(tx, created.id);
  if (!loaded) throw new Error("handover vanished");
  await writeHandoverEvent({ tx, event: "accepted", handover: created, loaded, now, deadlineKind: undefined });
  await notifyAboutHandover({ tx, event: "accepted", handover: created, loaded, config: options.config });
  if (assignee) {
    await notifyAboutHandover({
      tx,
      event: "assigned",
      handover: created,
      loaded,
      config: options.config,
      assigneeUserId: assignee,
    });
  }
  return { id: created.id, status: created.status, version: created.version };
}

async function findTargetTeam(tx: Transaction, teamId: string) {
  const [team] = await tx
    .select({
      id: teams.id,
      organisationId: teams.organisationId,
      kind: organisations.kind,
      active: organisations.active,
    })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(eq(teams.id, teamId))
    .limit(1);
  if (!team?.active || !["local_team", "cjg", "youth_protection"].includes(team.kind)) {
    throw new DomainRefusal("BAD_REQUEST", "Kies een team van een lokaal team, CJG of jeugdbescherming.", {
      fieldErrors: { targetTeamId: ["Kies een team van een lokaal team, CJG of jeugdbescherming."] },
    });
  }
  return team;
}

async function assertVtContact(tx: Transaction, userId: string, organisationId: string) {
  const [contact] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, "team_coordinator"),
      ),
    )
    .limit(1);
  if (!contact) {
    const message = "Het aanspreekpunt is een teamcoördinator van Veilig Thuis.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { vtContactUserId: [message] } });
  }
}

function pickPackageFields(fields: PackageFields): Partial<typeof handovers.$inferInsert> {
  const set: Partial<typeof handovers.$inferInsert> = {};
  const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  if (fields.concerns !== undefined) set.concerns = blankToNull(fields.concerns);
  if (fields.safetyConditions !== undefined) set.safetyConditions = blankToNull(fields.safetyConditions);
  if (fields.householdView !== undefined) set.householdView = blankToNull(fields.householdView);
  if (fields.vtContactUserId !== undefined) set.vtContactUserId = fields.vtContactUserId;
  if (fields.vtJoinsFirstVisit !== undefined) set.vtJoinsFirstVisit = fields.vtJoinsFirstVisit;
  return set;
}

function refuseTransitionErrors<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof HandoverTransitionError) {
      // Not possible in the current status: the request is fine, the handover's state conflicts with it (409).
      throw new DomainRefusal(error.code === "not_allowed_for_party" ? "FORBIDDEN" : "CONFLICT", error.message);
    }
    if (error instanceof HandoverNotEditableError) throw new DomainRefusal("BAD_REQUEST", error.message);
    throw error;
  }
}

function parseOrRefuse<T>(
  schema: {
    safeParse: (
      value: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  throw new DomainRefusal("BAD_REQUEST", result.error.issues[0]?.message ?? "De invoer is niet geldig.", {
    fieldErrors,
  });
}

async function writeHistoryAndAudit(
  options: HandoverCommandOptions & {
    handoverId: string;
    caseId: string;
    from: LoadedHandover["handover"]["status"] | null;
    to: LoadedHandover["handover"]["status"];
    version: number;
    reason: string | null;
  },
) {
  const principal = options.actor.kind === "principal" ? options.actor.principal : null;
  const actor = {
    actorUserId: principal?.kind === "user" ? principal.user.id : null,
    actorServiceAccountId: principal?.kind === "service_account" ? principal.serviceAccountId : null,
    actorOrganisationId: principal?.organisation.id ?? null,
  };
  await options.tx.insert(handoverHistory).values({
    handoverId: options.handoverId,
    at: options.now,
    action: options.command.kind,
    fromStatus: options.from,
    toStatus: options.to,
    reason: options.reason,
    version: options.version,
    ...actor,
  });
  await writeAudit(options.tx, {
    occurredAt: options.now,
    userId: actor.actorUserId,
    serviceAccountId: actor.actorServiceAccountId,
    organisationId: actor.actorOrganisationId,
    role: principal ? principal.roles.join(",") || null : null,
    onBehalfOf: options.actor.kind === "system" ? options.actor.name : null,
    purpose: "handover",
    action: options.command.kind === "create" ? "create" : "update",
    objectType: `handover.${options.command.kind}`,
    objectId: options.handoverId,
    caseId: options.caseId,
    outcome: "success",
    requestId: options.requestId,
    clientAddress: options.clientAddress,
  });
}

async function writeHandoverEvent(options: {
  tx: Transaction;
  event: HandoverEvent;
  handover: typeof handovers.$inferSelect;
  loaded: LoadedHandover;
  now: Date;
  deadlineKind: "acceptance" | "first_contact" | undefined;
}) {
  const { handover } = options;
  // Parsing with the strict contract guarantees no other (personal) field ever reaches a partner system.
  const payload = ZHandoverEventPayload.parse({
    handoverId: handover.id,
    caseId: handover.caseId,
    status: handover.status,
    version: handover.version,
    organisationId: handover.organisationId,
    targetOrganisationId: handover.targetOrganisationId,
    targetTeamId: handover.targetTeamId,
    municipalityCode: handover.municipalityCode,
    regionId: handover.regionId,
    acceptanceDueOn: handover.acceptanceDueOn,
    firstContactDueOn: handover.firstContactDueOn,
    ...(options.deadlineKind ? { deadlineKind: options.deadlineKind } : {}),
    occurredAt: options.now.toISOString(),
  });
  const { organisationOin, targetOrganisationKind } = options.loaded;
  if (targetOrganisationKind === "vt" || targetOrganisationKind === "municipality") {
    throw new Error(`handover addressed to a ${targetOrganisationKind}`);
  }
  await writeOutboxEvent({
    tx: options.tx,
    aggregate: "handover",
    aggregateId: handover.id,
    event: options.event,
    sequence: handover.version,
    organisationId: handover.organisationId,
    organisationOin,
    topic: handoverTopicFor(targetOrganisationKind),
    payload,
    now: options.now,
  });
}
