import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const regions = pgTable(
  "regions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** The VT teamcoördinator who is the region's fixed aanspreekpunt. */
    contactUserId: uuid("contact_user_id").references(() => users.id),
    /** Region agreement: working days a partner has to accept an offer, and to make first contact after that. */
    acceptanceDeadlineDays: integer("acceptance_deadline_days").notNull().default(3),
    firstContactDeadlineDays: integer("first_contact_deadline_days").notNull().default(10),
    /** Checked on every edit in beheer (decision 020), like organisations and teams. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("regions_acceptance_deadline_days_range", sql`${t.acceptanceDeadlineDays} BETWEEN 1 AND 30`),
    check("regions_first_contact_deadline_days_range", sql`${t.firstContactDeadlineDays} BETWEEN 1 AND 60`),
  ],
);
