import { cases, municipalities, retentionRequests } from "@ketenportaal/db";
import {
  addCalendarMonths,
  type DestructionDecision,
  type DestructionRefusalCode,
  type DestructionRequesterCategory,
  type DestructionRequestStatus,
  decideDestructionRequest,
  destructionRequestDeadline,
  findDestructionRequestProblems,
  retentionOf,
  toAmsterdamDate,
} from "@ketenportaal/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZDecideDestructionRequestResponse,
  ZRecordDestructionRequestResponse,
  ZRetentionOverviewResponse,
} from "../../routers/admin/retention.types";
import { auditActorOf, writeAudit, writeListAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { destroyCaseFile, lockCaseFile } from "./destroy-case-file";
import { latestClosingBefore, loadRetentionFacts } from "./retention-facts";

/** Files of one's own organisation: only its functioneel beheerder, and only at a VT organisation (which holds files). */
function requireRetentionAdmin(ctx: AuthedContext): void {
  const { principal } = ctx;
  if (principal.kind !== "user" || !principal.roles.includes("functional_admin")) {
    throw new DomainRefusal("FORBIDDEN", "Alleen een functioneel beheerder heeft toegang tot deze beheerfunctie.");
  }
  if (principal.organisation.kind !== "vt") {
    throw new DomainRefusal("FORBIDDEN", "Bewaartermijnen gelden voor de dossiers van Veilig Thuis.");
  }
}

function auditBase(ctx: AuthedContext) {
  return {
    ...auditActorOf(ctx),
    onBehalfOf: null,
    purpose: "beheer",
  };
}

const DUE_SOON_MONTHS = 3;
const LIST_LIMIT = 100;

/**
 * What the beheerder oversees: the files whose retention ends within three months (or has ended: the scheduled job
 * destroys them on its next run) and the destruction requests, open ones by deadline first. One read row in the
 * audit log with the files shown.
 */
export async function getRetentionOverview(options: {
  ctx: AuthedContext;
}): Promise<z.infer<typeof ZRetentionOverviewResponse>> {
  const { ctx } = options;
  requireRetentionAdmin(ctx);
  const now = ctx.now();
  const today = toAmsterdamDate({ instant: now });
  const horizon = addCalendarMonths({ date: today, months: DUE_SOON_MONTHS });
  const organisationId = ctx.principal.organisation.id;
  const horizonMoment = new Date(now);
  horizonMoment.setUTCMonth(horizonMoment.getUTCMonth() + DUE_SOON_MONTHS);

  const candidates = await loadRetentionFacts(ctx.tx, {
    organisationId,
    closedBefore: latestClosingBefore({ horizon: horizonMoment }),
  });
  const due = candidates
    .map((file) => ({ file, retention: retentionOf({ facts: file.facts, today }) }))
    .flatMap(({ file, retention }) =>
      retention.status !== "in_progress" && retention.retainUntil <= horizon ? [{ file, retention }] : [],
    )
    .sort((a, b) => a.retention.retainUntil.localeCompare(b.retention.retainUntil))
    .slice(0, LIST_LIMIT);
  const names = await ctx.tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
  const nameOf = (code: string) => names.find((m) => m.code === code)?.name ?? code;

  const requestRows = await ctx.tx
    .select({ request: retentionRequests, caseReference: cases.reference })
    .from(retentionRequests)
    .leftJoin(cases, eq(cases.id, retentionRequests.caseId))
    .where(eq(retentionRequests.organisationId, organisationId))
    .orderBy(desc(sql`${retentionRequests.status} = 'open'`), asc(retentionRequests.dueOn), desc(retentionRequests.id))
    .limit(LIST_LIMIT);
  const openCaseIds = requestRows.filter((row) => row.request.status === "open").map((row) => row.request.caseId);
  const inProgress = new Set(
    (await loadRetentionFacts(ctx.tx, { caseIds: openCaseIds }))
      .filter((file) => file.facts.inProgress)
      .map((file) => file.caseId),
  );

  const dueFiles = due.map(({ file, retention }) => ({
    caseId: file.caseId,
    reference: file.reference,
    municipality: { code: file.municipalityCode, name: nameOf(file.municipalityCode) },
    closedOn: retention.closedOn,
    retainUntil: retention.retainUntil,
    expired: retention.status === "expired",
  }));
  await writeListAudit(ctx, {
    purpose: "beheer",
    objectType: "retention",
    ids: [...new Set([...dueFiles.map((file) => file.caseId), ...requestRows.map((row) => row.request.caseId)])],
  });
  return {
    today,
    dueFiles,
    requests: requestRows.map(({ request, caseReference }) => ({
      id: request.id,
      version: request.version,
      caseId: request.caseId,
      caseReference,
      requestedOn: request.requestedOn,
      requesterCategory: request.requesterCategory as DestructionRequesterCategory,
      dueOn: request.dueOn,
      status: request.status as DestructionRequestStatus,
      refusalCode: request.refusalCode as DestructionRefusalCode | null,
      recordedAt: request.recordedAt,
      decidedAt: request.decidedAt,
      overdue: request.status === "open" && request.dueOn < today,
      fileInProgress: inProgress.has(request.caseId),
    })),
  };
}

/** Records a Wmo 2015 request to destroy a file, with its deadline three months on; one open request per file. */
export async function recordDestructionRequest(options: {
  ctx: AuthedContext;
  input: { caseReference: string; requestedOn: string; requesterCategory: DestructionRequesterCategory };
}): Promise<z.infer<typeof ZRecordDestructionRequestResponse>> {
  const { ctx, input } = options;
  requireRetentionAdmin(ctx);
  if (ctx.principal.kind !== "user") throw new Error("unreachable: checked by requireRetentionAdmin");
  const now = ctx.now();
  const problems = findDestructionRequestProblems({
    requestedOn: input.requestedOn,
    today: toAmsterdamDate({ instant: now }),
  });
  if (problems.length > 0) {
    throw new DomainRefusal("BAD_REQUEST", problems[0]?.message ?? "De invoer is niet geldig.", {
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, [p.message]])),
    });
  }
  const [file] = await ctx.tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, ctx.principal.organisation.id), eq(cases.reference, input.caseReference)));
  if (!file) {
    const message = "Er is geen dossier met dit kenmerk bij uw organisatie.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { caseReference: [message] } });
  }
  const dueOn = destructionRequestDeadline({ requestedOn: input.requestedOn });
  const [created] = await ctx.tx
    .insert(retentionRequests)
    .values({
      organisationId: ctx.principal.organisation.id,
      caseId: file.id,
      requestedOn: input.requestedOn,
      requesterCategory: input.requesterCategory,
      dueOn,
      recordedByUserId: ctx.principal.user.id,
      recordedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: retentionRequests.id });
  if (!created) {
    throw new DomainRefusal("CONFLICT", "Voor dit dossier staat al een verzoek om vernietiging open.");
  }
  await writeAudit(ctx.tx, {
    ...auditBase(ctx),
    action: "create",
    objectType: "retention_request",
    objectId: created.id,
    caseId: file.id,
    outcome: "success",
  });
  return { id: created.id, dueOn };
}

/**
 * Carries out or refuses an open request (domain `decideDestructionRequest`). Carrying out destroys the file in
 * this transaction; a refusal records the legal exception. The version guards against two beheerders at once.
 */
export async function decideDestructionRequestAsAdmin(options: {
  ctx: AuthedContext;
  input: { id: string; version: number; decision: DestructionDecision };
}): Promise<z.infer<typeof ZDecideDestructionRequestResponse>> {
  const { ctx, input } = options;
  requireRetentionAdmin(ctx);
  const [request] = await ctx.tx
    .select()
    .from(retentionRequests)
    .where(and(eq(retentionRequests.id, input.id), eq(retentionRequests.organisationId, ctx.principal.organisation.id)))
    .for("update");
  if (!request) throw new DomainRefusal("NOT_FOUND", "Dit verzoek bestaat niet bij uw organisatie.");
  if (request.version !== input.version) {
    throw new DomainRefusal("CONFLICT", "Dit verzoek is intussen gewijzigd. Bekijk de actuele stand.");
  }
  const exists = await lockCaseFile(ctx.tx, request.caseId);
  const [file] = exists ? await loadRetentionFacts(ctx.tx, { caseIds: [request.caseId] }) : [];
  const verdict = decideDestructionRequest({
    status: request.status as DestructionRequestStatus,
    inProgress: file?.facts.inProgress ?? false,
    decision: input.decision,
  });
  if (!verdict.ok) throw new DomainRefusal(verdict.code, verdict.message);

  const decidedAt = ctx.now();
  const status = input.decision.kind === "carry_out" ? "carried_out" : "refused";
  // A file the scheduled job destroyed meanwhile leaves nothing to destroy: the request is carried out all the same.
  if (input.decision.kind === "carry_out" && file) {
    await destroyCaseFile({ tx: ctx.tx, file, reason: "request", audit: auditBase(ctx) });
  }
  const [updated] = await ctx.tx
    .update(retentionRequests)
    .set({
      status,
      refusalCode: input.decision.kind === "refuse" ? input.decision.reasonCode : null,
      decidedAt,
      decidedByUserId: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      version: request.version + 1,
    })
    .where(and(eq(retentionRequests.id, request.id), eq(retentionRequests.version, request.version)))
    .returning({ id: retentionRequests.id });
  if (!updated) throw new DomainRefusal("CONFLICT", "Dit verzoek is intussen gewijzigd. Bekijk de actuele stand.");
  await writeAudit(ctx.tx, {
    ...auditBase(ctx),
    action: "update",
    objectType: "retention_request",
    objectId: request.id,
    caseId: request.caseId,
    outcome: "success",
  });
  return { id: request.id, status, decidedAt };
}
