import { cases, tableAgendaItems, tableMeetingParticipants, tableMeetings, teams } from "@ketenportaal/db";
import { assertDecisionAllowed, nextMeetingMoment, type TableDecisionDraft } from "@ketenportaal/domain";
import { topics, ZTableDecidedPayload } from "@ketenportaal/events";
import { and, asc, eq, gt } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { applyHandoverCommand } from "../handover/run-handover-command";
import { writeOutboxEvent } from "../outbox/write-outbox-event";
import { openTrajectory } from "../vv/open-trajectory";
import { requireTableView, requireVtCoordinator } from "./access";
import { type LoadedMeeting, loadMeeting } from "./load-meeting";
import { insertAgendaItem } from "./manage-meetings";
import { auditTable, bumpMeetingVersion, describeItemChange, refuseTableRule } from "./table-support";

export type DecideItemInput = TableDecisionDraft & {
  id: string;
  version: number;
  /** The handover package, for a `handover` decision: the gate of an offer applies. */
  concerns?: string | null | undefined;
  safetyConditions?: string | null | undefined;
  householdView?: string | null | undefined;
  vtContactUserId?: string | null | undefined;
  vtJoinsFirstVisit?: boolean | null | undefined;
};

type FollowUp = Partial<typeof tableAgendaItems.$inferInsert>;

/**
 * Records the decision on one agenda item and creates its follow-up in the same transaction: a handover through
 * the handover transition function (accepted at the table, behind the package gate), a V&V trajectory, or the
 * item on the region's next meeting. Any refusal — the gate included — leaves no decision behind.
 */
export async function decideAgendaItem(options: { ctx: AuthedContext; input: DecideItemInput }) {
  const { ctx, input } = options;
  const [item] = await ctx.tx.select().from(tableAgendaItems).where(eq(tableAgendaItems.id, input.id));
  const meeting = item ? await loadMeeting(ctx.tx, item.meetingId) : null;
  const view = requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!item || !meeting) throw new DomainRefusal("NOT_FOUND", "Dit agendapunt bestaat niet.");
  if (view !== "vt") throw new DomainRefusal("FORBIDDEN", "Alleen Veilig Thuis legt de besluiten vast.");
  const person = requireVtCoordinator(ctx.principal, meeting.meeting.organisationId, "een besluit vastleggen");
  if (input.version !== item.version) throw new DomainRefusal("CONFLICT", await describeItemChange(ctx, item));
  refuseTableRule(() =>
    assertDecisionAllowed({ meetingStatus: meeting.meeting.status, currentDecision: item.decision, decision: input }),
  );

  const now = ctx.now();
  // Claim the item first: of two people deciding at once, the second stops here before creating any follow-up.
  const [claimed] = await ctx.tx
    .update(tableAgendaItems)
    .set({ decision: input.kind, decidedByUserId: person.user.id, decidedAt: now, version: item.version + 1 })
    .where(and(eq(tableAgendaItems.id, item.id), eq(tableAgendaItems.version, item.version)))
    .returning({ id: tableAgendaItems.id });
  if (!claimed) {
    const [current] = await ctx.tx.select().from(tableAgendaItems).where(eq(tableAgendaItems.id, item.id));
    throw new DomainRefusal("CONFLICT", await describeItemChange(ctx, current ?? item));
  }

  const followUp = await createFollowUp(ctx, { input, item, meeting, person });
  const [decided] = await ctx.tx
    .update(tableAgendaItems)
    .set({ ...followUp, decisionNote: input.note?.trim() || null })
    .where(eq(tableAgendaItems.id, item.id))
    .returning();
  if (!decided) throw new Error("agenda item vanished");
  const meetingVersion = await bumpMeetingVersion(ctx, meeting.meeting.id);

  await auditTable(ctx, {
    action: "execute",
    objectType: `handover_table.decide.${input.kind}`,
    objectId: decided.id,
    caseId: decided.caseId,
  });
  await writeOutboxEvent({
    tx: ctx.tx,
    aggregate: "table",
    aggregateId: meeting.meeting.id,
    event: "decided",
    sequence: meetingVersion,
    organisationId: meeting.meeting.organisationId,
    organisationOin: meeting.organisationOin,
    topic: topics.tables,
    payload: ZTableDecidedPayload.parse({
      meetingId: meeting.meeting.id,
      itemId: decided.id,
      caseId: decided.caseId,
      organisationId: meeting.meeting.organisationId,
      regionId: meeting.meeting.regionId,
      municipalityCode: await municipalityOf(ctx, decided.caseId),
      decision: input.kind,
      receivingOrganisationId: decided.receivingOrganisationId,
      handoverId: decided.handoverId,
      vvTrajectoryId: decided.vvTrajectoryId,
      postponedToMeetingId: decided.postponedToMeetingId,
      version: meetingVersion,
      occurredAt: now.toISOString(),
    }),
    now,
  });
  return {
    id: decided.id,
    meetingId: meeting.meeting.id,
    decision: input.kind,
    version: decided.version,
    meetingVersion,
    handoverId: decided.handoverId,
    vvTrajectoryId: decided.vvTrajectoryId,
    postponedToMeetingId: decided.postponedToMeetingId,
  };
}

async function municipalityOf(ctx: AuthedContext, caseId: string): Promise<string> {
  const [row] = await ctx.tx.select({ code: cases.municipalityCode }).from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error("agenda item without case");
  return row.code;
}

function requireParticipant(meeting: LoadedMeeting, organisationId: string, field: string) {
  if (!meeting.participantOrganisationIds.includes(organisationId)) {
    const message = "Deze organisatie neemt niet deel aan deze overdrachtstafel.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
  }
}

async function createFollowUp(
  ctx: AuthedContext,
  options: {
    input: DecideItemInput;
    item: typeof tableAgendaItems.$inferSelect;
    meeting: LoadedMeeting;
    person: { user: { id: string } };
  },
): Promise<FollowUp> {
  const { input, item, meeting } = options;
  switch (input.kind) {
    case "handover": {
      const targetTeamId = input.targetTeamId ?? "";
      const acceptedByUserId = input.acceptedByUserId ?? "";
      const [team] = await ctx.tx
        .select({ organisationId: teams.organisationId })
        .from(teams)
        .where(eq(teams.id, targetTeamId));
      if (team) requireParticipant(meeting, team.organisationId, "targetTeamId");
      const handover = await applyHandoverCommand({
        tx: ctx.tx,
        actor: { kind: "principal", principal: ctx.principal },
        command: {
          kind: "decide_at_table",
          caseId: item.caseId,
          targetTeamId,
          acceptedByUserId,
          offeringUserId: item.addedByUserId,
          concerns: input.concerns,
          safetyConditions: input.safetyConditions,
          householdView: input.householdView,
          vtContactUserId: input.vtContactUserId,
          vtJoinsFirstVisit: input.vtJoinsFirstVisit,
        },
        now: ctx.now(),
        config: ctx.config,
        requestId: ctx.meta.requestId,
        clientAddress: ctx.meta.clientAddress,
      });
      return {
        handoverId: handover.id,
        receivingOrganisationId: team?.organisationId ?? null,
        targetTeamId,
        acceptedByUserId,
      };
    }
    case "vv": {
      const partnerOrganisationId = input.partnerOrganisationId ?? "";
      requireParticipant(meeting, partnerOrganisationId, "partnerOrganisationId");
      const trajectory = await openTrajectory({
        ctx,
        input: {
          caseId: item.caseId,
          vtWorkerUserId: input.vtWorkerUserId,
          partnerOrganisationId,
          partnerWorkerUserId: input.partnerWorkerUserId,
        },
        tableItemId: item.id,
      });
      return {
        vvTrajectoryId: trajectory.id,
        receivingOrganisationId: partnerOrganisationId,
        vtWorkerUserId: input.vtWorkerUserId ?? null,
        partnerWorkerUserId: input.partnerWorkerUserId ?? null,
      };
    }
    case "vt_keeps":
      return { receivingOrganisationId: meeting.meeting.organisationId, vtWorkerUserId: input.vtWorkerUserId ?? null };
    case "raad_request":
      return { receivingOrganisationId: meeting.meeting.organisationId };
    case "postpone": {
      const next = await findOrPlanNextMeeting(ctx, meeting);
      await insertAgendaItem(ctx, {
        meetingId: next.id,
        caseId: item.caseId,
        shortReason: item.shortReason,
        addedByUserId: item.addedByUserId,
        postponedFromItemId: item.id,
      });
      await bumpMeetingVersion(ctx, next.id);
      return { postponedToMeetingId: next.id };
    }
  }
}

/**
 * The region's next planned meeting after this one, or a new one at the usual interval with the same chair and
 * participants: a postponed case always has a date, never a "sometime".
 */
async function findOrPlanNextMeeting(ctx: AuthedContext, meeting: LoadedMeeting): Promise<{ id: string }> {
  const [next] = await ctx.tx
    .select({ id: tableMeetings.id })
    .from(tableMeetings)
    .where(
      and(
        eq(tableMeetings.organisationId, meeting.meeting.organisationId),
        eq(tableMeetings.regionId, meeting.meeting.regionId),
        eq(tableMeetings.status, "planned"),
        gt(tableMeetings.scheduledAt, meeting.meeting.scheduledAt),
      ),
    )
    .orderBy(asc(tableMeetings.scheduledAt))
    .limit(1);
  if (next) return next;
  const now = ctx.now();
  const [planned] = await ctx.tx
    .insert(tableMeetings)
    .values({
      organisationId: meeting.meeting.organisationId,
      regionId: meeting.meeting.regionId,
      scheduledAt: nextMeetingMoment({ after: meeting.meeting.scheduledAt }),
      chairUserId: meeting.meeting.chairUserId,
      createdByUserId: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: tableMeetings.id });
  if (!planned) throw new Error("meeting insert returned nothing");
  await ctx.tx
    .insert(tableMeetingParticipants)
    .values(meeting.participantOrganisationIds.map((organisationId) => ({ meetingId: planned.id, organisationId })));
  await auditTable(ctx, { action: "create", objectType: "handover_table", objectId: planned.id });
  return planned;
}
