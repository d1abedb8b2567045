import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { regions } from "./regions";

/** A gemeente, keyed by its CBS code (GM + four digits). */
export const municipalities = pgTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
  },
  (t) => [
    check("municipalities_code_cbs", sql`${t.code} ~ '^GM[0-9]{4}$'`),
    index("municipalities_region_idx").on(t.regionId),
  ],
);
