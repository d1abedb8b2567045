import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A person's TOTP second factor. The secret is never logged or returned after enrolment; `confirmedAt` is null
 * while enrolment waits for the first correct code. `lastTimeStep` refuses a code that was already used.
 */
export const mfaCredentials = pgTable("mfa_credentials", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  totpSecret: text("totp_secret").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastTimeStep: bigint("last_time_step", { mode: "number" }),
});

/** One-time recovery codes for a lost authenticator: only a SHA-256 of each code is stored. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/**
 * Failed login and second-factor attempts, for throttling per account and per client address. The account is
 * kept as a SHA-256 of the e-mail address as typed, so unknown addresses are throttled the same way as known ones.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountKey: text("account_key").notNull(),
    clientAddress: text("client_address"),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_account_idx").on(t.accountKey, t.failedAt),
    index("login_failures_address_idx").on(t.clientAddress, t.failedAt),
  ],
);
