import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { organisations } from "./organisations";
import { regions } from "./regions";
import { users } from "./users";

/**
 * The wachtlijst (issue 8, decision 017): a case that waits for a VT service after its assessment. One open entry
 * per case; leaving the list (service started, case closed) closes it. `next_contact_due_on` is computed when the
 * entry is made and after every contact moment, with the region's contact frequency of that moment.
 */
export const waitingListEntries = pgTable(
  "waiting_list_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** The VT organisation that owns the case. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The priority when the case was put on the list (domain waitingPriorities: high, normal, low). */
    priority: text("priority").notNull(),
    enteredOn: date("entered_on").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    enteredByUserId: uuid("entered_by_user_id").references(() => users.id),
    nextContactDueOn: date("next_contact_due_on").notNull(),
    lastContactOn: date("last_contact_on"),
    leftAt: timestamp("left_at", { withTimezone: true }),
    /** Domain waitingListLeaveReasons: service_started, case_closed. */
    leftReason: text("left_reason"),
    leftByUserId: uuid("left_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("waiting_list_entries_open_case").on(t.caseId).where(sql`${t.leftAt} is null`),
    index("waiting_list_entries_open_idx").on(t.organisationId, t.nextContactDueOn).where(sql`${t.leftAt} is null`),
    check("waiting_list_entries_priority", sql`${t.priority} in ('high', 'normal', 'low')`),
    check(
      "waiting_list_entries_left",
      sql`(${t.leftAt} is null and ${t.leftReason} is null) or (${t.leftAt} is not null and ${t.leftReason} in ('service_started', 'case_closed'))`,
    ),
  ],
);

/** A contact moment with a waiting household: when, how (phone, letter, visit) and the outcome (VT-internal text). */
export const waitingListContacts = pgTable(
  "waiting_list_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitingListEntries.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    contactedOn: date("contacted_on").notNull(),
    way: text("way").notNull(),
    outcome: text("outcome").notNull(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("waiting_list_contacts_entry_idx").on(t.entryId, t.contactedOn),
    check("waiting_list_contacts_way", sql`${t.way} in ('phone', 'letter', 'visit')`),
    check("waiting_list_contacts_outcome", sql`char_length(${t.outcome}) between 1 and 2000`),
  ],
);

/** Per VT organisation, region and priority: every how many working days a waiting household is contacted. */
export const waitingListContactFrequencies = pgTable(
  "waiting_list_contact_frequencies",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    priority: text("priority").notNull(),
    workingDays: integer("working_days").notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.regionId, t.priority] }),
    check("waiting_list_contact_frequencies_priority", sql`${t.priority} in ('high', 'normal', 'low')`),
    check("waiting_list_contact_frequencies_days", sql`${t.workingDays} between 1 and 60`),
  ],
);

/**
 * A change signal (from the melder, a partner or the household) that re-opens triage. The description stays inside
 * VT: never in an event, e-mail or notification.
 */
export const caseChangeSignals = pgTable(
  "case_change_signals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Domain changeSignalSources: melder, partner, household. */
    source: text("source").notNull(),
    /** Domain changeSignalKinds. */
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    receivedOn: date("received_on").notNull(),
    /** The new due date of the re-opened veiligheidsbeoordeling. */
    reassessmentDueOn: date("reassessment_due_on").notNull(),
    /** When the assessment the signal re-opened had been completed (null when triage was still open). */
    previousAssessmentCompletedAt: timestamp("previous_assessment_completed_at", { withTimezone: true }),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_change_signals_case_idx").on(t.caseId, t.createdAt),
    check("case_change_signals_source", sql`${t.source} in ('melder', 'partner', 'household')`),
    check(
      "case_change_signals_kind",
      sql`${t.kind} in ('new_incident', 'situation_worse', 'household_changed', 'help_stopped', 'other')`,
    ),
    check("case_change_signals_description", sql`char_length(${t.description}) between 1 and 500`),
  ],
);
