import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { handoverStatus } from "./enums";
import { municipalities } from "./municipalities";
import { organisations } from "./organisations";
import { regions } from "./regions";
import { serviceAccounts } from "./service-accounts";
import { teams } from "./teams";
import { users } from "./users";

/**
 * An overdracht: VT (the requester) offers a case to a partner team (the owner). Status changes only through
 * the transition service; `version` makes concurrent changes collide instead of overwrite.
 */
export const handovers = pgTable(
  "handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The VT organisation offering the case, and the worker who composed the package. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    offeringUserId: uuid("offering_user_id")
      .notNull()
      .references(() => users.id),
    targetOrganisationId: uuid("target_organisation_id")
      .notNull()
      .references(() => organisations.id),
    targetTeamId: uuid("target_team_id")
      .notNull()
      .references(() => teams.id),
    assignedUserId: uuid("assigned_user_id").references(() => users.id),
    /** Copied from the case so inbox and region lists need no join. */
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    status: handoverStatus("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),

    concerns: text("concerns"),
    safetyConditions: text("safety_conditions"),
    householdView: text("household_view"),
    vtContactUserId: uuid("vt_contact_user_id").references(() => users.id),
    vtJoinsFirstVisit: boolean("vt_joins_first_visit"),

    offeredAt: timestamp("offered_at", { withTimezone: true }),
    acceptanceDueOn: date("acceptance_due_on"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    firstContactDueOn: date("first_contact_due_on"),
    firstContactOn: date("first_contact_on"),
    closedAt: timestamp("closed_at", { withTimezone: true }),

    declineReasonCode: text("decline_reason_code"),
    declineReasonText: text("decline_reason_text"),
    returnReasonText: text("return_reason_text"),
    outcomeCode: text("outcome_code"),
    outcomeReferredTo: text("outcome_referred_to"),

    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The partner inbox: offered to my team, soonest deadline first.
    index("handovers_inbox_idx").on(t.targetTeamId, t.acceptanceDueOn, t.id).where(sql`${t.status} = 'offered'`),
    index("handovers_target_org_idx").on(t.targetOrganisationId, t.status, t.updatedAt),
    index("handovers_org_idx").on(t.organisationId, t.status, t.updatedAt),
    index("handovers_region_idx").on(t.regionId, t.status),
    // A team's ongoing handovers (the partner's /overdrachten list). Partial, because under row-level security a
    // condition on the status enum is never an index condition (enum_eq is not leakproof); the predicate still
    // selects this index, so the list reads the team's ongoing rows instead of all of its organisation's handovers.
    index("handovers_team_ongoing_idx")
      .on(t.targetTeamId, t.updatedAt)
      .where(sql`${t.status} in ('accepted', 'started')`),
    index("handovers_case_idx").on(t.caseId),
  ],
);

/** One row per transition: who, for which organisation, from → to, when, why. */
export const handoverHistory = pgTable(
  "handover_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    handoverId: uuid("handover_id")
      .notNull()
      .references(() => handovers.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    fromStatus: handoverStatus("from_status"),
    toStatus: handoverStatus("to_status").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorServiceAccountId: uuid("actor_service_account_id").references(() => serviceAccounts.id),
    actorOrganisationId: uuid("actor_organisation_id").references(() => organisations.id),
    reason: text("reason"),
    version: integer("version").notNull(),
  },
  (t) => [index("handover_history_handover_idx").on(t.handoverId, t.id)],
);
