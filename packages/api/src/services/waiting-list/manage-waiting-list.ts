import {
  caseChangeSignals,
  cases,
  municipalities,
  notifications,
  regions,
  waitingListContactFrequencies,
  waitingListContacts,
  waitingListEntries,
} from "@ketenportaal/db";
import {
  type ContactFrequencies,
  compareWaitingListItems,
  contactFrequencyFor,
  contactStatus,
  DEFAULT_CONTACT_FREQUENCIES,
  nextContactDueOn,
  reassessmentDueOn,
  toAmsterdamDate,
  type WaitingPriority,
  waitingListEntryRefusal,
  waitingPriorities,
  waitingWorkingDays,
} from "@ketenportaal/domain";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZEnterWaitingListRequest,
  ZLeaveWaitingListRequest,
  ZListWaitingListRequest,
  ZRecordChangeSignalRequest,
  ZRecordContactMomentRequest,
} from "../../routers/waiting-list/waiting-list.types";
import { requireFunctionalAdmin } from "../admin/admin-access";
import { auditActorOf, writeAudit, writeListAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { loadOwnCase, requireVtCaseworker, writeCase, writeCaseEvent } from "../melding/manage-melding";

const NOT_WAITING = "Deze casus staat niet (meer) op de wachtlijst.";

function userIdOf(ctx: AuthedContext): string | null {
  return ctx.principal.kind === "user" ? ctx.principal.user.id : null;
}

async function auditWaitingList(
  ctx: AuthedContext,
  entry: { action: "create" | "update"; objectType: string; objectId: string; caseId: string },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "waiting_list",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId,
    outcome: "success",
  });
}

/** The region of the case's gemeente (contact frequencies and the teamcoördinator are set per region). */
async function regionOfCase(ctx: AuthedContext, municipalityCode: string) {
  const [row] = await ctx.tx
    .select({ id: regions.id, contactUserId: regions.contactUserId })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(eq(municipalities.code, municipalityCode));
  if (!row) throw new Error(`no region for ${municipalityCode}`);
  return row;
}

/** The organisation's contact frequencies for one region: its own setting per priority, else the default. */
export async function loadContactFrequencies(options: {
  ctx: AuthedContext;
  regionId: string;
}): Promise<ContactFrequencies> {
  const rows = await options.ctx.tx
    .select({
      priority: waitingListContactFrequencies.priority,
      workingDays: waitingListContactFrequencies.workingDays,
    })
    .from(waitingListContactFrequencies)
    .where(
      and(
        eq(waitingListContactFrequencies.organisationId, options.ctx.principal.organisation.id),
        eq(waitingListContactFrequencies.regionId, options.regionId),
      ),
    );
  const frequencies: ContactFrequencies = { ...DEFAULT_CONTACT_FREQUENCIES };
  for (const row of rows) frequencies[row.priority as WaitingPriority] = row.workingDays;
  return frequencies;
}

async function loadOpenEntry(ctx: AuthedContext, caseId: string) {
  const [entry] = await ctx.tx
    .select()
    .from(waitingListEntries)
    .where(and(eq(waitingListEntries.caseId, caseId), isNull(waitingListEntries.leftAt)));
  return entry ?? null;
}

/**
 * Puts an assessed case that waits for a VT service on the wachtlijst, with the priority its factors gave it.
 * Acute and spoed never wait (seed 000): refused. The first contact moment is due one contact frequency later.
 */
export async function enterWaitingList(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZEnterWaitingListRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const open = await loadOpenEntry(ctx, current.id);
  const refusal = waitingListEntryRefusal({
    priority: current.priority,
    assessmentCompleted: current.safetyAssessmentCompletedAt !== null,
    alreadyWaiting: open !== null,
  });
  if (refusal) throw new DomainRefusal("CONFLICT", refusal);
  const priority = current.priority as WaitingPriority;
  const now = ctx.now();
  const enteredOn = toAmsterdamDate({ instant: now });
  const region = await regionOfCase(ctx, current.municipalityCode);
  const workingDays = contactFrequencyFor({
    priority,
    frequencies: await loadContactFrequencies({ ctx, regionId: region.id }),
  });
  const updated = await writeCase(ctx, current, input.version, {});
  const [entry] = await ctx.tx
    .insert(waitingListEntries)
    .values({
      caseId: updated.id,
      organisationId: updated.organisationId,
      priority,
      enteredOn,
      enteredAt: now,
      enteredByUserId: userIdOf(ctx),
      nextContactDueOn: nextContactDueOn({ from: enteredOn, workingDays }),
    })
    .returning();
  if (!entry) throw new Error("waiting list insert returned nothing");
  await auditWaitingList(ctx, {
    action: "create",
    objectType: "case.waiting_list",
    objectId: entry.id,
    caseId: updated.id,
  });
  await writeCaseEvent(ctx, updated, "waiting_list_entered", {
    waitingListEntryId: entry.id,
    nextContactDueOn: entry.nextContactDueOn,
  });
  return { id: updated.id, version: updated.version, entryId: entry.id, nextContactDueOn: entry.nextContactDueOn };
}

/** The case leaves the list: a VT service started or the case was closed. Recorded, not deleted. */
export async function leaveWaitingList(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZLeaveWaitingListRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const open = await loadOpenEntry(ctx, current.id);
  if (!open) throw new DomainRefusal("CONFLICT", NOT_WAITING);
  const updated = await writeCase(ctx, current, input.version, {});
  await ctx.tx
    .update(waitingListEntries)
    .set({ leftAt: ctx.now(), leftReason: input.reason, leftByUserId: userIdOf(ctx), version: open.version + 1 })
    .where(eq(waitingListEntries.id, open.id));
  await auditWaitingList(ctx, {
    action: "update",
    objectType: "case.waiting_list",
    objectId: open.id,
    caseId: updated.id,
  });
  await writeCaseEvent(ctx, updated, "waiting_list_left", { waitingListEntryId: open.id, leftReason: input.reason });
  return { id: updated.id, version: updated.version };
}

/**
 * A contact moment with a waiting household (phone, letter, visit) and its outcome. A letter counts as a contact.
 * The next contact moment is computed from this one with the region's frequency as it is now.
 */
export async function recordContactMoment(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZRecordContactMomentRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const open = await loadOpenEntry(ctx, current.id);
  if (!open) throw new DomainRefusal("CONFLICT", NOT_WAITING);
  const now = ctx.now();
  const today = toAmsterdamDate({ instant: now });
  const contactedOn = input.contactedOn ?? today;
  if (contactedOn > today) {
    const message = "Het contactmoment kan niet in de toekomst liggen.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { contactedOn: [message] } });
  }
  if (contactedOn < open.enteredOn) {
    const message = "Het contactmoment kan niet vóór de plaatsing op de wachtlijst liggen.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { contactedOn: [message] } });
  }
  const region = await regionOfCase(ctx, current.municipalityCode);
  const workingDays = contactFrequencyFor({
    priority: open.priority as WaitingPriority,
    frequencies: await loadContactFrequencies({ ctx, regionId: region.id }),
  });
  // A contact recorded late (an earlier date) never moves the next moment back before a later contact's.
  const lastContactOn = open.lastContactOn && open.lastContactOn > contactedOn ? open.lastContactOn : contactedOn;
  const nextDue = nextContactDueOn({ from: lastContactOn, workingDays });
  const updated = await writeCase(ctx, current, input.version, {});
  const [contact] = await ctx.tx
    .insert(waitingListContacts)
    .values({
      entryId: open.id,
      caseId: updated.id,
      organisationId: updated.organisationId,
      contactedOn,
      way: input.way,
      outcome: input.outcome,
      recordedByUserId: userIdOf(ctx),
      createdAt: now,
    })
    .returning({ id: waitingListContacts.id });
  if (!contact) throw new Error("contact insert returned nothing");
  await ctx.tx
    .update(waitingListEntries)
    .set({ lastContactOn, nextContactDueOn: nextDue, version: open.version + 1 })
    .where(eq(waitingListEntries.id, open.id));
  await auditWaitingList(ctx, {
    action: "create",
    objectType: "case.waiting_list_contact",
    objectId: contact.id,
    caseId: updated.id,
  });
  await writeCaseEvent(ctx, updated, "waiting_list_contact_recorded", {
    waitingListEntryId: open.id,
    nextContactDueOn: nextDue,
    contactId: contact.id,
    contactWay: input.way,
  });
  return { id: updated.id, version: updated.version, contactId: contact.id, nextContactDueOn: nextDue };
}

/**
 * A change signal (from the melder, a partner or the household) re-opens triage: the veiligheidsbeoordeling is
 * open again, due 5 working days after the signal came in (decision 017), so the case is back in the triage queue;
 * the region's teamcoördinator hears of it in the portal. The description stays in VT's record only.
 */
export async function recordChangeSignal(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZRecordChangeSignalRequest>;
}) {
  const { ctx, input } = options;
  requireVtCaseworker(ctx);
  const current = await loadOwnCase(ctx, input.id);
  const now = ctx.now();
  const today = toAmsterdamDate({ instant: now });
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) {
    const message = "Het signaal kan niet in de toekomst binnengekomen zijn.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { receivedOn: [message] } });
  }
  const newDue = reassessmentDueOn({ receivedOn });
  // Still open: the earlier due date stands when it comes first.
  const dueOn =
    current.safetyAssessmentCompletedAt === null && current.safetyAssessmentDueOn < newDue
      ? current.safetyAssessmentDueOn
      : newDue;
  const updated = await writeCase(ctx, current, input.version, {
    safetyAssessmentCompletedAt: null,
    safetyAssessmentDueOn: dueOn,
  });
  const [signal] = await ctx.tx
    .insert(caseChangeSignals)
    .values({
      caseId: updated.id,
      organisationId: updated.organisationId,
      source: input.source,
      kind: input.kind,
      description: input.description,
      receivedOn,
      reassessmentDueOn: dueOn,
      previousAssessmentCompletedAt: current.safetyAssessmentCompletedAt,
      recordedByUserId: userIdOf(ctx),
      createdAt: now,
    })
    .returning({ id: caseChangeSignals.id });
  if (!signal) throw new Error("change signal insert returned nothing");
  const region = await regionOfCase(ctx, updated.municipalityCode);
  const notified = region.contactUserId !== null && region.contactUserId !== userIdOf(ctx);
  if (region.contactUserId && notified) {
    await ctx.tx.insert(notifications).values({
      recipientUserId: region.contactUserId,
      kind: "change_signal_received",
      // caseId: kp_destroy_case deletes the notice with the file (migration 0023).
      params: { caseReference: updated.reference, caseId: updated.id, dueOn },
      createdAt: now,
    });
  }
  await auditWaitingList(ctx, {
    action: "create",
    objectType: "case.change_signal",
    objectId: signal.id,
    caseId: updated.id,
  });
  await writeCaseEvent(ctx, updated, "change_signal_recorded", {
    changeSignalId: signal.id,
    changeSignalSource: input.source,
    changeSignalKind: input.kind,
  });
  return { id: updated.id, version: updated.version, signalId: signal.id, reassessmentDueOn: dueOn, notified };
}

/**
 * The wachtlijst of the caller's VT organisation, optionally for one region or gemeente: per case the waiting time
 * in working days and the next contact moment; overdue contacts first, then higher priority (domain
 * compareWaitingListItems). The last contact and the latest change signal come along for the page.
 */
export async function listWaitingList(options: {
  ctx: AuthedContext;
  filters: z.infer<typeof ZListWaitingListRequest>;
}) {
  const { ctx, filters } = options;
  requireVtCaseworker(ctx);
  const conditions = [
    eq(waitingListEntries.organisationId, ctx.principal.organisation.id),
    isNull(waitingListEntries.leftAt),
  ];
  if (filters.regionId) conditions.push(eq(municipalities.regionId, filters.regionId));
  if (filters.municipalityCode) conditions.push(eq(cases.municipalityCode, filters.municipalityCode));
  const rows = await ctx.tx
    .select({
      entry: waitingListEntries,
      reference: cases.reference,
      version: cases.version,
      priority: cases.priority,
      triageOpen: isNull(cases.safetyAssessmentCompletedAt),
      safetyAssessmentDueOn: cases.safetyAssessmentDueOn,
      municipalityCode: cases.municipalityCode,
      municipalityName: municipalities.name,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(waitingListEntries)
    .innerJoin(cases, eq(cases.id, waitingListEntries.caseId))
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .where(and(...conditions))
    .orderBy(asc(waitingListEntries.nextContactDueOn));
  const entryIds = rows.map((r) => r.entry.id);
  const caseIds = rows.map((r) => r.entry.caseId);
  const contacts =
    entryIds.length === 0
      ? []
      : await ctx.tx
          .select()
          .from(waitingListContacts)
          .where(inArray(waitingListContacts.entryId, entryIds))
          .orderBy(desc(waitingListContacts.contactedOn), desc(waitingListContacts.createdAt));
  const signals =
    caseIds.length === 0
      ? []
      : await ctx.tx
          .select({
            caseId: caseChangeSignals.caseId,
            source: caseChangeSignals.source,
            kind: caseChangeSignals.kind,
            receivedOn: caseChangeSignals.receivedOn,
          })
          .from(caseChangeSignals)
          .where(inArray(caseChangeSignals.caseId, caseIds))
          .orderBy(desc(caseChangeSignals.createdAt));
  const now = ctx.now();
  const items = rows
    .map((r) => {
      const status = contactStatus({ nextContactDueOn: r.entry.nextContactDueOn, now });
      const last = contacts.find((c) => c.entryId === r.entry.id);
      const signal = signals.find((s) => s.caseId === r.entry.caseId);
      return {
        id: r.entry.caseId,
        entryId: r.entry.id,
        version: r.version,
        reference: r.reference,
        priority: r.priority,
        waitingPriority: r.entry.priority as WaitingPriority,
        municipality: { code: r.municipalityCode, name: r.municipalityName },
        region: { id: r.regionId, name: r.regionName },
        enteredOn: r.entry.enteredOn,
        waitingWorkingDays: waitingWorkingDays({ enteredOn: r.entry.enteredOn, now }),
        nextContactDueOn: r.entry.nextContactDueOn,
        workingDaysLeft: status.workingDaysLeft,
        overdue: status.overdue,
        lastContact: last
          ? { contactedOn: last.contactedOn, way: last.way as "phone" | "letter" | "visit", outcome: last.outcome }
          : null,
        triageReopened: r.triageOpen ? { dueOn: r.safetyAssessmentDueOn } : null,
        latestChangeSignal: signal
          ? {
              source: signal.source as "melder" | "partner" | "household",
              kind: signal.kind as "new_incident" | "situation_worse" | "household_changed" | "help_stopped" | "other",
              receivedOn: signal.receivedOn,
            }
          : null,
      };
    })
    .sort(compareWaitingListItems);
  await writeListAudit(ctx, { purpose: "waiting_list", objectType: "case", ids: items.map((i) => i.id) });
  return { items };
}

/** Every region with the organisation's contact frequencies (working days per priority) and whether they are set. */
export async function listContactFrequencies(options: { ctx: AuthedContext }) {
  const { ctx } = options;
  const regionRows = await ctx.tx
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .orderBy(asc(regions.name));
  const rows = await ctx.tx
    .select()
    .from(waitingListContactFrequencies)
    .where(eq(waitingListContactFrequencies.organisationId, ctx.principal.organisation.id));
  return {
    defaults: { ...DEFAULT_CONTACT_FREQUENCIES },
    regions: regionRows.map((region) => {
      const own = rows.filter((r) => r.regionId === region.id);
      const frequencies: ContactFrequencies = { ...DEFAULT_CONTACT_FREQUENCIES };
      for (const row of own) frequencies[row.priority as WaitingPriority] = row.workingDays;
      return { id: region.id, name: region.name, frequencies, custom: own.length > 0 };
    }),
  };
}

/** Used by the beheer procedure: sets one region's three frequencies; next contact moments use them from now on. */
export async function saveContactFrequencies(options: {
  ctx: AuthedContext;
  regionId: string;
  frequencies: ContactFrequencies;
}) {
  const { ctx, regionId, frequencies } = options;
  const [region] = await ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
  if (!region) {
    const message = "Kies een regio uit de lijst.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { regionId: [message] } });
  }
  const now = ctx.now();
  for (const priority of waitingPriorities) {
    await ctx.tx
      .insert(waitingListContactFrequencies)
      .values({
        organisationId: ctx.principal.organisation.id,
        regionId,
        priority,
        workingDays: frequencies[priority],
        updatedByUserId: userIdOf(ctx),
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [
          waitingListContactFrequencies.organisationId,
          waitingListContactFrequencies.regionId,
          waitingListContactFrequencies.priority,
        ],
        set: { workingDays: frequencies[priority], updatedByUserId: userIdOf(ctx), updatedAt: now },
      });
  }
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: "update",
    objectType: "waiting_list_contact_frequencies",
    objectId: regionId,
    outcome: "success",
  });
  return { regionId, frequencies };
}

function requireVtFunctionalAdmin(ctx: AuthedContext) {
  requireFunctionalAdmin(ctx);
  if (ctx.principal.organisation.kind !== "vt") {
    throw new DomainRefusal(
      "FORBIDDEN",
      "Contactfrequenties van de wachtlijst stelt de beheerder van Veilig Thuis in.",
    );
  }
}

/** admin.regions.contactFrequencies: the functioneel beheerder of a VT organisation reads its settings. */
export async function getContactFrequenciesAsAdmin(options: { ctx: AuthedContext }) {
  requireVtFunctionalAdmin(options.ctx);
  await writeAudit(options.ctx.tx, {
    ...auditActorOf(options.ctx),
    purpose: "beheer",
    action: "read",
    objectType: "waiting_list_contact_frequencies",
    objectId: null,
    outcome: "success",
  });
  return listContactFrequencies({ ctx: options.ctx });
}

/** admin.regions.setContactFrequencies: applies to next contact moments computed from now on (decision 017). */
export async function setContactFrequenciesAsAdmin(options: {
  ctx: AuthedContext;
  input: { regionId: string; frequencies: ContactFrequencies };
}) {
  requireVtFunctionalAdmin(options.ctx);
  return saveContactFrequencies({ ctx: options.ctx, ...options.input });
}
