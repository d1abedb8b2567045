import { cases, handovers, involvedPersons, municipalities, teams } from "@ketenportaal/db";
import { safetyAssessmentDueOn } from "@ketenportaal/domain";
import { and, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type { ZCreateCaseRequest, ZPersonInput, ZUpdateCaseRequest } from "../../routers/case/case.types";
import { auditActorOf, writeAudit, writeListAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { isVtCaseworker } from "../handover/access";
import { loadInvolvedPersons } from "./load-involved-persons";

type PersonInput = z.infer<typeof ZPersonInput>;

function requireVtCaseworker(ctx: AuthedContext) {
  if (!isVtCaseworker(ctx.principal)) {
    throw new DomainRefusal("FORBIDDEN", "Casussen zijn alleen voor medewerkers van Veilig Thuis.");
  }
}

function audit(ctx: AuthedContext, entry: { action: "create" | "read" | "update"; caseId: string }) {
  return writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "handover",
    action: entry.action,
    objectType: "case",
    objectId: entry.caseId,
    caseId: entry.caseId,
    outcome: "success",
  });
}

/** The full BSN, as only the owning VT organisation may read it (migration 0009); null for anyone else. */
const fullBsn = sql<string | null>`kp_involved_person_bsn(${involvedPersons.id})`;

async function replacePersons(ctx: AuthedContext, caseId: string, persons: PersonInput[]) {
  // A form shows a stored BSN masked, so it sends none back: a row that names its stored person keeps that BSN.
  const keepIds = persons.flatMap((p) => (p.bsn === undefined && p.id ? [p.id] : []));
  const kept = new Map(
    keepIds.length === 0
      ? []
      : (
          await ctx.tx
            .select({ id: involvedPersons.id, bsn: fullBsn })
            .from(involvedPersons)
            .where(and(eq(involvedPersons.caseId, caseId), inArray(involvedPersons.id, keepIds)))
        ).map((row) => [row.id, row.bsn] as const),
  );
  await ctx.tx.delete(involvedPersons).where(eq(involvedPersons.caseId, caseId));
  if (persons.length === 0) return;
  await ctx.tx.insert(involvedPersons).values(
    persons.map((p, index) => ({
      caseId,
      position: index + 1,
      role: p.role,
      name: p.name,
      birthYear: p.birthYear ?? null,
      bsn: p.bsn === undefined ? (p.id ? (kept.get(p.id) ?? null) : null) : p.bsn,
      spokenStatus: p.spokenStatus ?? null,
      notSpokenReason: p.spokenStatus === "not_spoken" ? (p.notSpokenReason ?? null) : null,
    })),
  );
}

/** Registers a case after a melding; the safety assessment is due 5 working days after it. */
export async function createCase(options: { ctx: AuthedContext; input: z.infer<typeof ZCreateCaseRequest> }) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const [municipality] = await ctx.tx
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, input.municipalityCode));
  if (!municipality) {
    throw new DomainRefusal("BAD_REQUEST", "Kies een gemeente uit de lijst.", {
      fieldErrors: { municipalityCode: ["Kies een gemeente uit de lijst."] },
    });
  }
  const [existing] = await ctx.tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, ctx.principal.organisation.id), eq(cases.reference, input.reference)));
  if (existing) {
    const message = "Er bestaat al een casus met dit registratienummer.";
    throw new DomainRefusal("CONFLICT", message, { fieldErrors: { reference: [message] } });
  }
  const now = ctx.now();
  const [created] = await ctx.tx
    .insert(cases)
    .values({
      organisationId: ctx.principal.organisation.id,
      reference: input.reference,
      municipalityCode: input.municipalityCode,
      priority: input.priority,
      reportedAt: input.reportedAt,
      safetyAssessmentDueOn: safetyAssessmentDueOn({ reportedAt: input.reportedAt }),
      safetyAssessmentCompletedAt: input.safetyAssessmentCompleted ? now : null,
      conclusion: input.conclusion?.trim() || null,
      createdByUserId: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id, version: cases.version });
  if (!created) throw new Error("case insert returned nothing");
  await replacePersons(ctx, created.id, input.persons);
  await audit(ctx, { action: "create", caseId: created.id });
  return created;
}

/** Updates the assessment and the persons; guarded by the version the caller saw. */
export async function updateCase(options: { ctx: AuthedContext; input: z.infer<typeof ZUpdateCaseRequest> }) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const [current] = await ctx.tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, input.id), eq(cases.organisationId, ctx.principal.organisation.id)));
  if (!current) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  if (current.version !== input.version) {
    throw new DomainRefusal("CONFLICT", "Deze casus is intussen door iemand anders gewijzigd. Bekijk de nieuwe stand.");
  }
  const now = ctx.now();
  const set: Partial<typeof cases.$inferInsert> = {};
  if (input.priority) set.priority = input.priority;
  if (input.conclusion !== undefined) set.conclusion = input.conclusion?.trim() || null;
  if (input.safetyAssessmentCompleted !== undefined) {
    set.safetyAssessmentCompletedAt = input.safetyAssessmentCompleted
      ? (current.safetyAssessmentCompletedAt ?? now)
      : null;
  }
  const [updated] = await ctx.tx
    .update(cases)
    .set({ ...set, updatedAt: now, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, input.id), eq(cases.version, input.version)))
    .returning({ id: cases.id, version: cases.version });
  if (!updated) {
    throw new DomainRefusal("CONFLICT", "Deze casus is intussen door iemand anders gewijzigd. Bekijk de nieuwe stand.");
  }
  if (input.persons) await replacePersons(ctx, input.id, input.persons);
  await audit(ctx, { action: "update", caseId: input.id });
  return updated;
}

export async function getCase(options: { ctx: AuthedContext; id: string }) {
  const { ctx } = options;
  requireVtCaseworker(ctx);
  const [row] = await ctx.tx
    .select({ case: cases, municipalityName: municipalities.name })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(eq(cases.id, options.id), eq(cases.organisationId, ctx.principal.organisation.id)));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  const persons = await loadInvolvedPersons(ctx.tx, options.id);
  const handoverRows = await ctx.tx
    .select({ id: handovers.id, status: handovers.status, targetTeam: teams.name })
    .from(handovers)
    .innerJoin(teams, eq(teams.id, handovers.targetTeamId))
    .where(eq(handovers.caseId, options.id))
    .orderBy(desc(handovers.createdAt));
  await audit(ctx, { action: "read", caseId: options.id });
  const c = row.case;
  return {
    id: c.id,
    version: c.version,
    reference: c.reference,
    municipality: { code: c.municipalityCode, name: row.municipalityName },
    priority: c.priority,
    reportedAt: c.reportedAt,
    safetyAssessmentDueOn: c.safetyAssessmentDueOn,
    safetyAssessmentCompletedAt: c.safetyAssessmentCompletedAt,
    conclusion: c.conclusion,
    persons,
    handovers: handoverRows,
  };
}

/**
 * "Toon BSN": the full number of one directbetrokkene, for a VT medewerker of the organisation that owns the case,
 * on an explicit request; the read is on record (object `involved_person.bsn`). It is never part of another answer.
 */
export async function revealBsn(options: { ctx: AuthedContext; personId: string }) {
  const { ctx } = options;
  requireVtCaseworker(ctx);
  const [row] = await ctx.tx
    .select({ caseId: involvedPersons.caseId, bsn: fullBsn })
    .from(involvedPersons)
    .innerJoin(cases, eq(cases.id, involvedPersons.caseId))
    .where(and(eq(involvedPersons.id, options.personId), eq(cases.organisationId, ctx.principal.organisation.id)));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Deze persoon hoort niet bij een casus van uw organisatie.");
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "handover",
    action: "read",
    objectType: "involved_person.bsn",
    objectId: options.personId,
    caseId: row.caseId,
    outcome: "success",
  });
  return { personId: options.personId, bsn: row.bsn };
}

/** The organisation's cases, newest melding first; search by reference only (no names in queries). */
export async function listCases(options: {
  ctx: AuthedContext;
  page: { cursor?: string | undefined; limit: number; search?: string | undefined };
}) {
  const { ctx, page } = options;
  requireVtCaseworker(ctx);
  const offset = Number(page.cursor ? Buffer.from(page.cursor, "base64url").toString() : 0) || 0;
  const conditions = [eq(cases.organisationId, ctx.principal.organisation.id)];
  if (page.search) conditions.push(ilike(cases.reference, `%${page.search.replace(/[%_\\]/g, "\\$&")}%`));
  const rows = await ctx.tx
    .select({ case: cases, municipalityName: municipalities.name })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(...conditions))
    .orderBy(desc(cases.reportedAt), desc(cases.id))
    .limit(page.limit + 1)
    .offset(offset);
  await writeListAudit(ctx, {
    purpose: "handover",
    objectType: "case",
    ids: rows.slice(0, page.limit).map((r) => r.case.id),
  });
  return {
    items: rows.slice(0, page.limit).map((r) => ({
      id: r.case.id,
      reference: r.case.reference,
      municipality: { code: r.case.municipalityCode, name: r.municipalityName },
      priority: r.case.priority,
      reportedAt: r.case.reportedAt,
      safetyAssessmentCompletedAt: r.case.safetyAssessmentCompletedAt,
    })),
    nextCursor: rows.length > page.limit ? Buffer.from(String(offset + page.limit)).toString("base64url") : null,
  };
}
