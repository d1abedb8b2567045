import { date, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * A gemeente organisation was told that the two-week report for a period is ready. The key is the claim: of two
 * bridges racing for one organisation and period, only the one whose insert lands sends the e-mails.
 */
export const reportNotices = pgTable(
  "report_notices",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.periodFrom] })],
);
