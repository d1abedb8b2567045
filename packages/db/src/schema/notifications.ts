import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { handovers } from "./handovers";
import { users } from "./users";

/** In-portal notifications, one row per recipient. `kind` and `params` hold no personal data. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientUserId: uuid("recipient_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    handoverId: uuid("handover_id").references(() => handovers.id),
    params: jsonb("params").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_unread_idx").on(t.recipientUserId, t.createdAt).where(sql`${t.readAt} is null`),
    index("notifications_recipient_idx").on(t.recipientUserId, t.createdAt),
  ],
);

/** E-mail waiting to be sent by the bridge, rendered in Dutch when it was written. Never personal data. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html").notNull(),
    handoverId: uuid("handover_id").references(() => handovers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Backoff: not tried again before this moment. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Given up after the maximum number of attempts; a beheerder can send it again. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /** Set when sent; the same `<id@ketenportaal>` on every attempt, so a re-send after a crash is the same message. */
    messageId: text("message_id"),
  },
  (t) => [index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`)],
);

/** Reminders and escalations already raised, so the deadline watch never raises one twice. */
export const deadlineAlerts = pgTable(
  "deadline_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    handoverId: uuid("handover_id")
      .notNull()
      .references(() => handovers.id),
    kind: text("kind").notNull(),
    dueOn: date("due_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("deadline_alerts_once").on(t.handoverId, t.kind, t.dueOn)],
);
