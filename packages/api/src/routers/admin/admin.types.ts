import { isValidLocalDate } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZPage } from "../handover/shared.types";

const ZLimit = z.number().int().min(1).max(100).default(50);

export const ZListOutboxEventsRequest = z.object({
  /** true: only published; false: only still waiting in the outbox; absent: both. */
  published: z.boolean().optional(),
  aggregateId: ZId.optional(),
  /** The `position` of the last event of the previous page (events are listed newest first). */
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, "Ongeldige paginaverwijzing.")
    .optional(),
  limit: ZLimit,
});

/** An outbox row as stored: references, routing and the payload, which holds no personal data by contract. */
export const ZOutboxEvent = z.object({
  id: ZId,
  position: z.number().int(),
  eventType: z.string(),
  aggregateType: z.string(),
  aggregateId: ZId,
  sequence: z.number().int(),
  topic: z.string(),
  createdAt: z.date(),
  publishedAt: z.date().nullable(),
  attempts: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
});
export const ZListOutboxEventsResponse = ZPage(ZOutboxEvent).extend({
  /** Everything still waiting to be published, whatever the filters: the relay's backlog. */
  unpublishedCount: z.number().int(),
});

export const mailStatuses = ["pending", "sent", "failed"] as const;
export const ZMailStatus = z.enum(mailStatuses);

export const ZListMailRequest = z.object({
  status: ZMailStatus.optional(),
  /** The id of the last message of the previous page (messages are listed newest first). */
  cursor: ZId.optional(),
  limit: ZLimit,
});

/** An e-mail row without its bodies: enough to find the message in the mail server's log or the .eml files. */
export const ZMailMessage = z.object({
  id: ZId,
  toAddress: z.string(),
  subject: z.string(),
  status: ZMailStatus,
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  failedAt: z.date().nullable(),
  nextAttemptAt: z.date(),
  attempts: z.number().int(),
  /** The transport's error code and SMTP reply code ("ECONNECTION", "EENVELOPE 550"), never the server's text. */
  lastError: z.string().nullable(),
  /** The Message-ID it went or will go out with; the same on every attempt. */
  messageId: z.string(),
});
export const ZListMailResponse = ZPage(ZMailMessage).extend({
  /** Per status, whatever the filter. */
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
});

export const ZRetryMailRequest = z.object({ id: ZId });
export const ZRetryMailResponse = z.object({ id: ZId, status: ZMailStatus, nextAttemptAt: z.date() });

/** A partner system's access: who it is and how it stands — never its token or the token's hash. */
export const ZServiceAccount = z.object({
  id: ZId,
  name: z.string(),
  organisation: z.object({ id: ZId, name: z.string() }),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});
/** The expiry dates a new account may get today (YYYY-MM-DD, Amsterdam): for the form's default and its bounds. */
export const ZServiceAccountExpiryBounds = z.object({
  earliestOn: z.string(),
  defaultOn: z.string(),
  latestOn: z.string(),
});
export const ZListServiceAccountsResponse = z.object({
  items: z.array(ZServiceAccount),
  expiryBounds: ZServiceAccountExpiryBounds,
});

export const ZRevokeServiceAccountRequest = z.object({ id: ZId });

/** The longest a token may live: a partner system gets a new one at least every two years. */
export const SERVICE_ACCOUNT_MAX_YEARS = 2;
/** What the beheer page proposes: a year. */
export const SERVICE_ACCOUNT_DEFAULT_YEARS = 1;

/**
 * A new partner system's access: one organisation, a name to tell it apart, and the last calendar day (Amsterdam)
 * on which its token works, after today and at most two years ahead (the service checks the range against its clock).
 */
export const ZCreateServiceAccountRequest = z.object({
  organisationId: z.string({ error: "Kies een organisatie." }).uuid("Kies een organisatie uit de lijst."),
  name: z
    .string({ error: "Vul een naam voor de koppeling in." })
    .trim()
    .min(2, "Vul een naam voor de koppeling in (ten minste 2 tekens).")
    .max(120, "De naam is te lang (hoogstens 120 tekens)."),
  expiresOn: z
    .string({ error: "Vul de datum in waarop de toegang verloopt." })
    .min(1, "Vul de datum in waarop de toegang verloopt.")
    .refine((date) => date === "" || isValidLocalDate({ date }), "Vul een geldige datum in (JJJJ-MM-DD)."),
});
/** The token is in this response only: it is never stored, shown or logged again. */
export const ZCreateServiceAccountResponse = z.object({
  id: ZId,
  name: z.string(),
  organisation: z.object({ id: ZId, name: z.string() }),
  expiresAt: z.date(),
  token: z.string(),
});
export const ZRevokeServiceAccountResponse = z.object({ id: ZId, revokedAt: z.date() });
