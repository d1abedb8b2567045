import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisationKind } from "./enums";
import { municipalities } from "./municipalities";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: organisationKind("kind").notNull(),
    /** Organisatie-identificatienummer; VT's OIN names the source of our events. */
    oin: text("oin"),
    /** A gemeente's own organisation names its gemeente: its beleidsmedewerkers see that gemeente's report. */
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock for the beheerder's edits (admin.organisations.update), as on handovers. */
    version: integer("version").notNull().default(1),
  },
  // The OIN's shape (20 digits; packages/domain organisations/oin.ts checks the rest before it gets here).
  (t) => [check("organisations_oin_shape", sql`${t.oin} IS NULL OR ${t.oin} ~ '^[0-9]{20}$'`)],
);
