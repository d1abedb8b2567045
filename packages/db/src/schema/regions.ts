import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const regions = pgTable("regions", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The VT teamcoördinator who is the region's fixed aanspreekpunt. */
  contactUserId: uuid("contact_user_id").references(() => users.id),
  /** Region agreement: working days a partner has to accept an offer, and to make first contact after that. */
  acceptanceDeadlineDays: integer("acceptance_deadline_days").notNull().default(3),
  firstContactDeadlineDays: integer("first_contact_deadline_days").notNull().default(10),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
