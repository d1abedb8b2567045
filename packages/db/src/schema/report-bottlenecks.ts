import { sql } from "drizzle-orm";
import { check, date, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { regions } from "./regions";
import { users } from "./users";

/**
 * Knelpunten: what a VT teamcoördinator writes about a region's two-week period (issue 8), shown in the report to VT
 * and to the gemeenten of that region. One text per region and fortnight, changed with a version check. The text is
 * read by gemeenten, so the API refuses one with a BSN or an e-mail address in it.
 */
export const reportBottlenecks = pgTable(
  "report_bottlenecks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The VT organisation whose coördinator wrote it. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    text: text("text").notNull(),
    writtenByUserId: uuid("written_by_user_id")
      .notNull()
      .references(() => users.id),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("report_bottlenecks_region_period").on(t.regionId, t.periodFrom),
    check("report_bottlenecks_period", sql`${t.periodTo} = ${t.periodFrom} + 13`),
    check("report_bottlenecks_text", sql`char_length(${t.text}) between 1 and 2000`),
  ],
);
