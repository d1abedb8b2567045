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
import { municipalities } from "./municipalities";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A Wmo 2015 request to destroy a VT file, recorded by the functioneel beheerder: when it was made and by whom in
 * category only (no name, no letter). `case_id` has no foreign key: the row outlives the file it asked to destroy,
 * as proof the request was honoured in time (decision 012).
 */
export const retentionRequests = pgTable(
  "retention_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The VT organisation that holds the file. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    caseId: uuid("case_id").notNull(),
    requestedOn: date("requested_on").notNull(),
    requesterCategory: text("requester_category").notNull(),
    /** Three months after the request (Wmo 2015), computed by the domain when it was recorded. */
    dueOn: date("due_on").notNull(),
    status: text("status").notNull().default("open"),
    refusalCode: text("refusal_code"),
    recordedByUserId: uuid("recorded_by_user_id")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("retention_requests_one_open").on(t.caseId).where(sql`${t.status} = 'open'`),
    index("retention_requests_organisation_idx").on(t.organisationId, t.status, t.dueOn),
    check("retention_requests_requester", sql`${t.requesterCategory} in ('betrokkene', 'wettelijk_vertegenwoordiger')`),
    check("retention_requests_status", sql`${t.status} in ('open', 'carried_out', 'refused')`),
    check(
      "retention_requests_refusal",
      sql`(${t.status} = 'refused') = (${t.refusalCode} is not null) and (${t.refusalCode} is null or ${t.refusalCode} in ('active_follow_up', 'interest_of_another', 'legal_obligation'))`,
    ),
  ],
);

/**
 * What remains of destroyed files for reports: counts per VT organisation × gemeente × year of the melding ×
 * outcome × reason. No id, reference, date or person links a row back to a household.
 */
export const retentionFigures = pgTable(
  "retention_figures",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    /** The year of the melding (Europe/Amsterdam). */
    year: integer("year").notNull(),
    /** `handover_completed`, `vv_closed` or `other`: how the chain work on the file ended. */
    outcome: text("outcome").notNull(),
    /** `retention_expired` (the scheduled job) or `request` (a Wmo 2015 request carried out). */
    reason: text("reason").notNull(),
    files: integer("files").notNull().default(0),
    handovers: integer("handovers").notNull().default(0),
    trajectories: integer("trajectories").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.municipalityCode, t.year, t.outcome, t.reason] }),
    check("retention_figures_outcome", sql`${t.outcome} in ('handover_completed', 'vv_closed', 'other')`),
    check("retention_figures_reason", sql`${t.reason} in ('retention_expired', 'request')`),
  ],
);
