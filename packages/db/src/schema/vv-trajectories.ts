import { bigserial, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { municipalities } from "./municipalities";
import { organisations } from "./organisations";
import { regions } from "./regions";
import { users } from "./users";

export const vvStatuses = ["open", "closed"] as const;
export const vvStatus = pgEnum("vv_status", vvStatuses);

export const vvConditionOwners = ["household", "partner", "vt"] as const;
export const vvConditionOwner = pgEnum("vv_condition_owner", vvConditionOwners);

export const vvConditionStatuses = ["open", "met", "not_met", "dropped"] as const;
export const vvConditionStatus = pgEnum("vv_condition_status", vvConditionStatuses);

export const vvTimelineKinds = [
  "note",
  "opened",
  "condition_added",
  "condition_changed",
  "monitoring_scheduled",
  "monitoring_recorded",
  "closed",
] as const;
export const vvTimelineKind = pgEnum("vv_timeline_kind", vvTimelineKinds);

/**
 * A Voorwaarden & Vervolg trajectory: VT and one partner organisation co-work one household, each with a named
 * worker. `version` grows with every change announced as an event, which numbers those events in order.
 */
export const vvTrajectories = pgTable(
  "vv_trajectories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The VT organisation. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vtWorkerUserId: uuid("vt_worker_user_id")
      .notNull()
      .references(() => users.id),
    partnerOrganisationId: uuid("partner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    partnerWorkerUserId: uuid("partner_worker_user_id")
      .notNull()
      .references(() => users.id),
    /** Copied from the case so lists and events need no join. */
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    status: vvStatus("status").notNull().default("open"),
    version: integer("version").notNull().default(1),
    /** The table decision that opened it, if any (no foreign key: the two tables refer to each other). */
    tableItemId: uuid("table_item_id"),
    openedByUserId: uuid("opened_by_user_id")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id),
    outcomeCode: text("outcome_code"),
    outcomeText: text("outcome_text"),
    /** Who continues with the household after the close: never nobody, never a waiting list. */
    followUpOrganisationId: uuid("follow_up_organisation_id").references(() => organisations.id),
    followUpUserId: uuid("follow_up_user_id").references(() => users.id),
  },
  (t) => [
    index("vv_trajectories_organisation_idx").on(t.organisationId, t.status),
    index("vv_trajectories_partner_idx").on(t.partnerOrganisationId, t.status),
    index("vv_trajectories_case_idx").on(t.caseId),
  ],
);

/** A veiligheidsvoorwaarde: text, owner, due date and status; every change is kept in its history. */
export const vvConditions = pgTable(
  "vv_conditions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => vvTrajectories.id),
    text: text("text").notNull(),
    owner: vvConditionOwner("owner").notNull(),
    dueOn: date("due_on").notNull(),
    status: vvConditionStatus("status").notNull().default("open"),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vv_conditions_trajectory_idx").on(t.trajectoryId, t.createdAt)],
);

/** One row per change of a condition: who, for which organisation, from → to, why. */
export const vvConditionHistory = pgTable(
  "vv_condition_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conditionId: uuid("condition_id")
      .notNull()
      .references(() => vvConditions.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: vvConditionStatus("from_status"),
    toStatus: vvConditionStatus("to_status").notNull(),
    fromDueOn: date("from_due_on"),
    toDueOn: date("to_due_on").notNull(),
    note: text("note"),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid("author_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Set when the change was an assessment at a monitoring moment. */
    monitoringMomentId: uuid("monitoring_moment_id"),
  },
  (t) => [index("vv_condition_history_condition_idx").on(t.conditionId, t.id)],
);

/** A monitoring moment: planned for a day with its attendees, then recorded with an outcome. */
export const vvMonitoringMoments = pgTable(
  "vv_monitoring_moments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => vvTrajectories.id),
    scheduledOn: date("scheduled_on").notNull(),
    attendeeUserIds: uuid("attendee_user_ids").array().notNull().default([]),
    version: integer("version").notNull().default(1),
    scheduledByUserId: uuid("scheduled_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    outcome: text("outcome"),
  },
  (t) => [index("vv_monitoring_moments_trajectory_idx").on(t.trajectoryId, t.scheduledOn)],
);

/** How a condition stood at a monitoring moment. */
export const vvMonitoringAssessments = pgTable(
  "vv_monitoring_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    momentId: uuid("moment_id")
      .notNull()
      .references(() => vvMonitoringMoments.id),
    conditionId: uuid("condition_id")
      .notNull()
      .references(() => vvConditions.id),
    status: vvConditionStatus("status").notNull(),
    note: text("note"),
  },
  (t) => [index("vv_monitoring_assessments_moment_idx").on(t.momentId)],
);

/**
 * The shared timeline of both organisations: notes people write and the changes above, written in the same
 * transaction as the change itself.
 */
export const vvTimelineEntries = pgTable(
  "vv_timeline_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => vvTrajectories.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: vvTimelineKind("kind").notNull(),
    text: text("text").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid("author_organisation_id")
      .notNull()
      .references(() => organisations.id),
    conditionId: uuid("condition_id"),
    monitoringMomentId: uuid("monitoring_moment_id"),
  },
  (t) => [index("vv_timeline_entries_trajectory_idx").on(t.trajectoryId, t.id)],
);
