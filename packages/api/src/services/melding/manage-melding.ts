import { cases, mailOutbox, melderAddresses, melderFeedback, municipalities, organisations } from "@ketenportaal/db";
import {
  canGiveMelderFeedback,
  derivePriority,
  investigationDueOn,
  investigationFinishRefusal,
  investigationStartRefusal,
  type MelderFeedbackStep,
  type MelderKind,
  safetyAssessmentDueOn,
  toAmsterdamDate,
  workingDaysLeft,
} from "@ketenportaal/domain";
import { type CaseEvent, type CaseEventPayload, topics, ZCaseEventPayload } from "@ketenportaal/events";
import { renderMelderFeedbackMail } from "@ketenportaal/mail";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZCompleteAssessmentRequest,
  ZInvestigationRequest,
  ZRecordMelderFeedbackRequest,
  ZRecordMeldingRequest,
} from "../../routers/case/melding.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { isVtCaseworker } from "../handover/access";
import { writeOutboxEvent } from "../outbox/write-outbox-event";

type CaseRow = typeof cases.$inferSelect;

const CONFLICT_MESSAGE = "Deze casus is intussen door iemand anders gewijzigd. Bekijk de nieuwe stand.";

export function requireVtCaseworker(ctx: AuthedContext) {
  if (!isVtCaseworker(ctx.principal)) {
    throw new DomainRefusal("FORBIDDEN", "Meldingen en triage zijn alleen voor medewerkers van Veilig Thuis.");
  }
}

export async function loadOwnCase(ctx: AuthedContext, id: string): Promise<CaseRow> {
  const [row] = await ctx.tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.organisationId, ctx.principal.organisation.id)));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  return row;
}

/** The write of every melding change: only when the case is still at the version the caller saw. */
export async function writeCase(
  ctx: AuthedContext,
  current: CaseRow,
  version: number,
  set: Partial<typeof cases.$inferInsert>,
): Promise<CaseRow> {
  if (current.version !== version) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  const [updated] = await ctx.tx
    .update(cases)
    .set({ ...set, updatedAt: ctx.now(), version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, current.id), eq(cases.version, version)))
    .returning();
  if (!updated) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  return updated;
}

export async function auditChange(
  ctx: AuthedContext,
  entry: { action: "create" | "update"; objectType: string; objectId: string; caseId: string },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "triage",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId,
    outcome: "success",
  });
}

/** One event per change on `ketenportaal.cases`; the strict payload keeps the melder and all text out. */
export async function writeCaseEvent(
  ctx: AuthedContext,
  row: CaseRow,
  event: CaseEvent,
  extra: Omit<
    Partial<CaseEventPayload>,
    "caseId" | "organisationId" | "municipalityCode" | "priority" | "version" | "occurredAt"
  > = {},
) {
  const now = ctx.now();
  const payload = ZCaseEventPayload.parse({
    caseId: row.id,
    organisationId: row.organisationId,
    municipalityCode: row.municipalityCode,
    priority: row.priority,
    version: row.version,
    safetyAssessmentDueOn: row.safetyAssessmentDueOn,
    ...(row.investigationDueOn ? { investigationDueOn: row.investigationDueOn } : {}),
    ...extra,
    occurredAt: now.toISOString(),
  });
  const [vt] = await ctx.tx
    .select({ oin: organisations.oin })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  await writeOutboxEvent({
    tx: ctx.tx,
    aggregate: "case",
    aggregateId: row.id,
    event,
    sequence: row.version,
    organisationId: row.organisationId,
    organisationOin: vt?.oin ?? null,
    topic: topics.cases,
    payload,
    now,
  });
}

/** The rest of a plain case update: its audit row and its event, in the write's transaction. */
async function recordCaseUpdate(ctx: AuthedContext, updated: CaseRow, objectType: string, event: CaseEvent) {
  await auditChange(ctx, { action: "update", objectType, objectId: updated.id, caseId: updated.id });
  await writeCaseEvent(ctx, updated, event);
  return { id: updated.id, version: updated.version };
}

/**
 * Records the melding: when it came in, the gemeente, the melder's kind (and a professional's address for
 * terugkoppeling) and the priority factors. The priority follows from the factors (domain derivePriority) and the
 * assessment's due date from the receipt (safetyAssessmentDueOn, the rule createCase uses).
 */
export async function recordMelding(options: { ctx: AuthedContext; input: z.infer<typeof ZRecordMeldingRequest> }) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  if (input.reportedAt.getTime() > ctx.now().getTime()) {
    const message = "De melding kan niet in de toekomst ontvangen zijn.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { reportedAt: [message] } });
  }
  const email = input.melderEmail?.trim() || null;
  if (email && input.melderKind !== "professional") {
    const message = "Leg alleen het e-mailadres van een professionele melder vast.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { melderEmail: [message] } });
  }
  const [municipality] = await ctx.tx
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, input.municipalityCode));
  if (!municipality) {
    const message = "Kies een gemeente uit de lijst.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { municipalityCode: [message] } });
  }
  const factors = {
    urgent: input.urgent,
    childrenInHousehold: input.childrenInHousehold,
    elderlyInHousehold: input.elderlyInHousehold,
    existingHelp: input.existingHelp,
  };
  const updated = await writeCase(ctx, current, input.version, {
    reportedAt: input.reportedAt,
    safetyAssessmentDueOn: safetyAssessmentDueOn({ reportedAt: input.reportedAt }),
    municipalityCode: input.municipalityCode,
    melderKind: input.melderKind,
    ...factors,
    priority: derivePriority({ factors }),
  });
  if (email) {
    await ctx.tx
      .insert(melderAddresses)
      .values({ caseId: updated.id, organisationId: updated.organisationId, email, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: melderAddresses.caseId, set: { email, updatedAt: ctx.now() } });
  } else {
    await ctx.tx.delete(melderAddresses).where(eq(melderAddresses.caseId, updated.id));
  }
  return recordCaseUpdate(ctx, updated, "case.melding", "melding_recorded");
}

/** Completes the veiligheidsbeoordeling with its conclusion; the case leaves the triage queue. */
export async function completeAssessment(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZCompleteAssessmentRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  if (current.safetyAssessmentCompletedAt) {
    throw new DomainRefusal("CONFLICT", "De veiligheidsbeoordeling is al afgerond.");
  }
  const updated = await writeCase(ctx, current, input.version, {
    safetyAssessmentCompletedAt: ctx.now(),
    conclusion: input.conclusion,
  });
  return recordCaseUpdate(ctx, updated, "case.assessment", "assessment_completed");
}

/** Starts the onderzoek chosen after the assessment; due 10 weeks later (domain investigationDueOn). */
export async function startInvestigation(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZInvestigationRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const refusal = investigationStartRefusal({
    assessmentCompleted: current.safetyAssessmentCompletedAt !== null,
    investigationStarted: current.investigationStartedAt !== null,
  });
  if (refusal) throw new DomainRefusal("CONFLICT", refusal);
  const now = ctx.now();
  const updated = await writeCase(ctx, current, input.version, {
    investigationStartedAt: now,
    investigationDueOn: investigationDueOn({ startedAt: now }),
  });
  return recordCaseUpdate(ctx, updated, "case.investigation", "investigation_started");
}

export async function finishInvestigation(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZInvestigationRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const refusal = investigationFinishRefusal({
    investigationStarted: current.investigationStartedAt !== null,
    investigationFinished: current.investigationFinishedAt !== null,
  });
  if (refusal) throw new DomainRefusal("CONFLICT", refusal);
  const updated = await writeCase(ctx, current, input.version, { investigationFinishedAt: ctx.now() });
  return recordCaseUpdate(ctx, updated, "case.investigation", "investigation_finished");
}

/**
 * Terugkoppeling aan de melder: records which step VT reported back to a professional melder and, when their
 * address is known, queues a neutral e-mail without case content (packages/mail renderMelderFeedbackMail). The
 * address goes only into the mail row's recipient; the event says whether a mail was queued, never to whom.
 */
export async function recordMelderFeedback(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZRecordMelderFeedbackRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  if (!canGiveMelderFeedback({ melderKind: current.melderKind as MelderKind | null })) {
    throw new DomainRefusal(
      "CONFLICT",
      "Terugkoppeling is alleen voor een professionele melder. Leg eerst vast dat de melder een professional is.",
    );
  }
  const now = ctx.now();
  const givenOn = input.givenOn ?? toAmsterdamDate({ instant: now });
  if (givenOn > toAmsterdamDate({ instant: now })) {
    const message = "De terugkoppeling kan niet in de toekomst gegeven zijn.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { givenOn: [message] } });
  }
  const updated = await writeCase(ctx, current, input.version, {});
  const [address] = await ctx.tx
    .select({ email: melderAddresses.email })
    .from(melderAddresses)
    .where(eq(melderAddresses.caseId, updated.id));
  const [feedback] = await ctx.tx
    .insert(melderFeedback)
    .values({
      caseId: updated.id,
      organisationId: updated.organisationId,
      step: input.step,
      givenOn,
      mailQueuedAt: address ? now : null,
      recordedByUserId: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      createdAt: now,
    })
    .returning({ id: melderFeedback.id });
  if (!feedback) throw new Error("melder feedback insert returned nothing");
  if (address) {
    const [vt] = await ctx.tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, updated.organisationId));
    const mail = renderMelderFeedbackMail({ params: { organisationName: vt?.name ?? "Veilig Thuis" } });
    await ctx.tx.insert(mailOutbox).values({
      toAddress: address.email,
      template: "melder_feedback",
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      createdAt: now,
    });
  }
  await auditChange(ctx, {
    action: "create",
    objectType: "case.melder_feedback",
    objectId: feedback.id,
    caseId: updated.id,
  });
  await writeCaseEvent(ctx, updated, "melder_feedback_given", {
    feedbackId: feedback.id,
    feedbackStep: input.step,
    mailQueued: Boolean(address),
  });
  return { id: updated.id, version: updated.version, feedbackId: feedback.id, mailQueued: Boolean(address) };
}

/** The melding of one own case with its assessment, investigation and feedback; the read is on record. */
export async function getMelding(options: { ctx: AuthedContext; id: string }) {
  const { ctx } = options;
  requireVtCaseworker(ctx);
  const [row] = await ctx.tx
    .select({ case: cases, municipalityName: municipalities.name, melderEmail: melderAddresses.email })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .leftJoin(melderAddresses, eq(melderAddresses.caseId, cases.id))
    .where(and(eq(cases.id, options.id), eq(cases.organisationId, ctx.principal.organisation.id)));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  const feedbackRows = await ctx.tx
    .select()
    .from(melderFeedback)
    .where(eq(melderFeedback.caseId, options.id))
    .orderBy(asc(melderFeedback.createdAt));
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "triage",
    action: "read",
    objectType: "case.melding",
    objectId: options.id,
    caseId: options.id,
    outcome: "success",
  });
  const c = row.case;
  const now = ctx.now();
  return {
    id: c.id,
    version: c.version,
    reference: c.reference,
    municipality: { code: c.municipalityCode, name: row.municipalityName },
    priority: c.priority,
    reportedAt: c.reportedAt,
    melderKind: c.melderKind as MelderKind | null,
    melderEmail: row.melderEmail ?? null,
    factors: {
      urgent: c.urgent,
      childrenInHousehold: c.childrenInHousehold,
      elderlyInHousehold: c.elderlyInHousehold,
      existingHelp: c.existingHelp,
    },
    safetyAssessmentDueOn: c.safetyAssessmentDueOn,
    safetyAssessmentCompletedAt: c.safetyAssessmentCompletedAt,
    conclusion: c.conclusion,
    workingDaysLeft: c.safetyAssessmentCompletedAt ? null : workingDaysLeft({ dueOn: c.safetyAssessmentDueOn, now }),
    investigation:
      c.investigationStartedAt && c.investigationDueOn
        ? {
            startedAt: c.investigationStartedAt,
            dueOn: c.investigationDueOn,
            finishedAt: c.investigationFinishedAt,
            workingDaysLeft: c.investigationFinishedAt ? null : workingDaysLeft({ dueOn: c.investigationDueOn, now }),
          }
        : null,
    feedback: feedbackRows.map((f) => ({
      id: f.id,
      step: f.step as MelderFeedbackStep,
      givenOn: f.givenOn,
      mailQueued: f.mailQueuedAt !== null,
    })),
  };
}
