import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A continuïteitsplan period declared by VT's functioneel beheerder: the days on which VT runs only the listed
 * services (in the plan's order of priority). `ended_on` is set when it ends — early by the beheerder, or by the
 * bridge once the expected end has passed (`end_reason`). The `*_notified_at` columns say the partners and
 * gemeenten have been told of the start and the end, so each notice goes out once.
 */
export const continuityPlans = pgTable(
  "continuity_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The VT organisation whose plan it is. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    startsOn: date("starts_on").notNull(),
    expectedEndOn: date("expected_end_on").notNull(),
    services: text("services").array().notNull(),
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    declaredByUserId: uuid("declared_by_user_id")
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull(),
    endedByUserId: uuid("ended_by_user_id").references(() => users.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    startNotifiedAt: timestamp("start_notified_at", { withTimezone: true }),
    endNotifiedAt: timestamp("end_notified_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("continuity_plans_period_idx").on(t.startsOn, t.expectedEndOn),
    check("continuity_plans_end_after_start", sql`${t.expectedEndOn} > ${t.startsOn}`),
    check("continuity_plans_services", sql`cardinality(${t.services}) >= 1`),
    check(
      "continuity_plans_end_reason",
      sql`(${t.endedOn} is null) = (${t.endReason} is null) and (${t.endReason} is null or ${t.endReason} in ('declared', 'reached'))`,
    ),
  ],
);
