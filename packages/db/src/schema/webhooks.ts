import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { outbox } from "./outbox";

export const webhookSubscriptionStatuses = ["pending_handshake", "active", "suspended"] as const;
export const webhookSubscriptionStatus = pgEnum("webhook_subscription_status", webhookSubscriptionStatuses);

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", webhookDeliveryStatuses);

/**
 * A partner system's abonnement (Notificaties API style): where the bridge POSTs the events addressed to the
 * organisation, which ones, and how it proves itself. `authorization` and `signing_secret` are granted to the worker
 * role only (migration 0008): a request can write them but never read them back.
 */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    callbackUrl: text("callback_url").notNull(),
    /** The `Authorization` header value we send with every delivery (the receiver's credential); may be absent. */
    authorization: text("authorization"),
    /** Standard Webhooks secret (`whsec_<base64>`): shown once at creation, used to sign every delivery. */
    signingSecret: text("signing_secret").notNull(),
    /** Filters; an empty list means "every". */
    eventTypes: text("event_types").array().notNull().default(sql`'{}'::text[]`),
    municipalityCodes: text("municipality_codes").array().notNull().default(sql`'{}'::text[]`),
    teamIds: uuid("team_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** A functional mailbox of the partner's integration team: told when the abonnement is suspended. */
    contactEmail: text("contact_email").notNull(),
    status: webhookSubscriptionStatus("status").notNull().default("pending_handshake"),
    /** Events committed from this moment on are delivered (set when the handshake succeeds). */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /** Failed attempts since the last delivered one; at the limit the abonnement is suspended. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    /** A bridge delivering to this abonnement holds it until then; the lease keeps deliveries in order. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id"),
    createdByServiceAccountId: uuid("created_by_service_account_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Removed by its owner or a beheerder: no new deliveries, history kept. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("webhook_subscriptions_organisation_idx").on(t.organisationId)],
);

/**
 * One event for one abonnement. Created by the bridge's fan-out in outbox order; an abonnement delivers only its
 * oldest pending row (by `outbox_position`), so a later event waits while an earlier one is retried.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id),
    outboxEventId: uuid("outbox_event_id")
      .notNull()
      .references(() => outbox.id),
    /** The event's outbox position: the delivery order within the abonnement. */
    outboxPosition: bigint("outbox_position", { mode: "number" }).notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** The receiver's HTTP status of the last attempt, if it answered. */
    lastStatusCode: integer("last_status_code"),
    /** A code, never the receiver's text: `HTTP_500`, `ETIMEDOUT`, `TARGET_REFUSED`. */
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_subscription_event_idx").on(t.subscriptionId, t.outboxEventId),
    index("webhook_deliveries_pending_idx").on(t.subscriptionId, t.outboxPosition).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_failed_idx").on(t.failedAt).where(sql`${t.status} = 'failed'`),
  ],
);
