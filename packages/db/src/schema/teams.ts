import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalities } from "./municipalities";
import { organisations } from "./organisations";

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    notificationEmail: text("notification_email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock for edits in beheer (admin.teams.update), as on handovers. */
    version: integer("version").notNull().default(1),
  },
  (t) => [index("teams_organisation_idx").on(t.organisationId)],
);

/** The gemeenten a team serves: an offer is routed to the team serving the case's gemeente. */
export const teamMunicipalities = pgTable(
  "team_municipalities",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.municipalityCode] }),
    index("team_municipalities_municipality_idx").on(t.municipalityCode),
  ],
);
