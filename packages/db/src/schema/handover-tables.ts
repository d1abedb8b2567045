import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { handovers } from "./handovers";
import { organisations } from "./organisations";
import { regions } from "./regions";
import { teams } from "./teams";
import { users } from "./users";

export const tableMeetingStatuses = ["planned", "closed"] as const;
export const tableMeetingStatus = pgEnum("table_meeting_status", tableMeetingStatuses);

export const tableDecisionKinds = ["handover", "vv", "vt_keeps", "raad_request", "postpone"] as const;
export const tableDecisionKind = pgEnum("table_decision_kind", tableDecisionKinds);

/**
 * An overdrachtstafel: VT's meeting with the partners of one region. Its `version` grows with every change to the
 * meeting or its agenda, so closing collides with a decision taken meanwhile and its events are numbered in order.
 */
export const tableMeetings = pgTable(
  "table_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The VT organisation that holds the meeting. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    /** A VT teamcoördinator. */
    chairUserId: uuid("chair_user_id")
      .notNull()
      .references(() => users.id),
    status: tableMeetingStatus("status").notNull().default("planned"),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id),
  },
  (t) => [
    index("table_meetings_region_idx").on(t.regionId, t.status, t.scheduledAt),
    index("table_meetings_organisation_idx").on(t.organisationId, t.scheduledAt),
  ],
);

/** The partner organisations taking part: only they (and VT) see the meeting and its agenda. */
export const tableMeetingParticipants = pgTable(
  "table_meeting_participants",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => tableMeetings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    index("table_meeting_participants_organisation_idx").on(t.organisationId),
  ],
);

/**
 * A case on a meeting's agenda and, once taken, its decision with the follow-up it created. A decision is never
 * changed: the follow-up (handover, trajectory, later meeting) exists from that moment.
 */
export const tableAgendaItems = pgTable(
  "table_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => tableMeetings.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    position: integer("position").notNull(),
    /** Shown to every participant before the meeting: keep it short and free of names. */
    shortReason: text("short_reason").notNull(),
    addedByUserId: uuid("added_by_user_id")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    /** Set when this item was moved here from an earlier meeting. */
    postponedFromItemId: uuid("postponed_from_item_id"),

    decision: tableDecisionKind("decision"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Free text for VT and the receiving organisation only; never in the minutes, events or e-mail. */
    decisionNote: text("decision_note"),
    receivingOrganisationId: uuid("receiving_organisation_id").references(() => organisations.id),
    targetTeamId: uuid("target_team_id").references(() => teams.id),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id),
    vtWorkerUserId: uuid("vt_worker_user_id").references(() => users.id),
    partnerWorkerUserId: uuid("partner_worker_user_id").references(() => users.id),
    handoverId: uuid("handover_id").references(() => handovers.id),
    vvTrajectoryId: uuid("vv_trajectory_id"),
    postponedToMeetingId: uuid("postponed_to_meeting_id").references(() => tableMeetings.id),
  },
  (t) => [
    unique("table_agenda_items_meeting_case").on(t.meetingId, t.caseId),
    index("table_agenda_items_meeting_idx").on(t.meetingId, t.position),
    index("table_agenda_items_case_idx").on(t.caseId),
    index("table_agenda_items_undecided_idx").on(t.meetingId).where(sql`${t.decision} is null`),
  ],
);
