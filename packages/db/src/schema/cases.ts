import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { casePriority, involvedPersonRole, spokenStatus } from "./enums";
import { municipalities } from "./municipalities";
import { organisations } from "./organisations";
import { users } from "./users";

/** A household VT works on after a melding, known by VT's own reference. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The VT organisation that owns the case. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    priority: casePriority("priority").notNull().default("normal"),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    safetyAssessmentDueOn: date("safety_assessment_due_on").notNull(),
    safetyAssessmentCompletedAt: timestamp("safety_assessment_completed_at", { withTimezone: true }),
    conclusion: text("conclusion"),
    /** Who made the melding: `professional` or `non_professional` (domain melderKinds); null before it was recorded. */
    melderKind: text("melder_kind"),
    /** Priority factors weighed at triage (domain derivePriority sets `priority` from them). */
    urgent: boolean("urgent").notNull().default(false),
    childrenInHousehold: boolean("children_in_household").notNull().default(false),
    elderlyInHousehold: boolean("elderly_in_household").notNull().default(false),
    existingHelp: boolean("existing_help").notNull().default(false),
    /** The onderzoek, when chosen after the assessment: due 10 weeks after it started. */
    investigationStartedAt: timestamp("investigation_started_at", { withTimezone: true }),
    investigationDueOn: date("investigation_due_on"),
    investigationFinishedAt: timestamp("investigation_finished_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    unique("cases_organisation_reference").on(t.organisationId, t.reference),
    index("cases_municipality_idx").on(t.municipalityCode),
    // The triage queue: open assessments of one organisation by due date.
    index("cases_open_assessment_idx")
      .on(t.organisationId, t.safetyAssessmentDueOn)
      .where(sql`${t.safetyAssessmentCompletedAt} is null`),
    check("cases_melder_kind", sql`${t.melderKind} is null or ${t.melderKind} in ('professional', 'non_professional')`),
  ],
);

/** Directbetrokkenen: minimal personal data, never leaves the portal in events or e-mail. */
export const involvedPersons = pgTable(
  "involved_persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    role: involvedPersonRole("role").notNull(),
    name: text("name").notNull(),
    birthYear: integer("birth_year"),
    /**
     * Burgerservicenummer, nine digits, elfproef checked by the API. The application role may not select this column
     * (migration 0009): it reads `bsnLastDigits`, and the full number only through `kp_involved_person_bsn`.
     */
    bsn: text("bsn"),
    /** The last three digits, all the masked form shows (decision 011). */
    bsnLastDigits: text("bsn_last_digits").generatedAlwaysAs(sql`right(bsn, 3)`),
    spokenStatus: spokenStatus("spoken_status"),
    notSpokenReason: text("not_spoken_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("involved_persons_case_idx").on(t.caseId),
    unique("involved_persons_case_position").on(t.caseId, t.position),
    check("involved_persons_birth_year", sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
    check("involved_persons_bsn", sql`${t.bsn} is null or ${t.bsn} ~ '^[0-9]{9}$'`),
  ],
);
