import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A professional melder's e-mail address, for terugkoppeling. Personal data: its own table so only the VT
 * organisation that owns the case reads it (migration 0015), never a partner that sees the case through a handover.
 */
export const melderAddresses = pgTable("melder_addresses", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  email: text("email").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Terugkoppeling aan de melder: which step VT reported back, and when; `mail_queued` when an e-mail went out. */
export const melderFeedback = pgTable(
  "melder_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Domain melderFeedbackSteps. */
    step: text("step").notNull(),
    givenOn: date("given_on").notNull(),
    mailQueuedAt: timestamp("mail_queued_at", { withTimezone: true }),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("melder_feedback_case_idx").on(t.caseId, t.createdAt),
    check(
      "melder_feedback_step",
      sql`${t.step} in ('assessment_completed', 'investigation_started', 'investigation_finished', 'handed_over', 'case_closed')`,
    ),
  ],
);
