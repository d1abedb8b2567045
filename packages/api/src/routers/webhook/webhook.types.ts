import { webhookDeliveryStatuses, webhookSubscriptionStatuses } from "@ketenportaal/db";
import { continuityPlanEvents, eventTypeName, handoverEvents, tableEvents, vvEvents } from "@ketenportaal/events";
import { z } from "zod";
import { ZId } from "../handover/shared.types";

/** Every event type an abonnement can filter on (the public contract of packages/events). */
export const webhookEventTypes = [
  ...handoverEvents.map((event) => eventTypeName({ aggregate: "handover", event })),
  ...vvEvents.map((event) => eventTypeName({ aggregate: "vv", event })),
  ...tableEvents.map((event) => eventTypeName({ aggregate: "table", event })),
  ...continuityPlanEvents.map((event) => eventTypeName({ aggregate: "continuity_plan", event })),
] as [string, ...string[]];

export const ZWebhookEventType = z.enum(webhookEventTypes, "Onbekend gebeurtenistype.");
export const ZWebhookSubscriptionStatus = z.enum(webhookSubscriptionStatuses);
export const ZWebhookDeliveryStatus = z.enum(webhookDeliveryStatuses);

/** A header value: one line, so nothing can be smuggled into the request we send. */
const ZAuthorization = z
  .string()
  .trim()
  .min(1, "Laat het veld leeg of vul de waarde van de Authorization-header in.")
  .max(2000, "De authorization-header is te lang (maximaal 2000 tekens).")
  .regex(/^[\t\x20-\x7e]+$/, "Alleen zichtbare ASCII-tekens, op één regel.");

export const ZCreateWebhookSubscriptionRequest = z
  .object({
    /** Only a functioneel beheerder registers for another organisation; anyone else for their own. */
    organisationId: ZId.optional(),
    callbackUrl: z.string().trim().min(1, "Vul een callback-URL in.").max(2000, "De URL is te lang."),
    /** Sent as `Authorization` with every delivery (and the handshake): the receiver's credential. Never shown again. */
    authorization: ZAuthorization.optional(),
    contactEmail: z.email("Vul een geldig e-mailadres in.").max(320),
    /** Filters; empty or absent: every event addressed to the organisation. */
    eventTypes: z.array(ZWebhookEventType).max(50).optional(),
    municipalityCodes: z
      .array(z.string().regex(/^GM\d{4}$/, "Gebruik een CBS-gemeentecode als GM0392."))
      .max(400)
      .optional(),
    teamIds: z.array(ZId).max(100).optional(),
  })
  .strict();

/** An abonnement as its owner and the beheerder see it: never the credential we send, never the signing secret. */
export const ZWebhookSubscription = z.object({
  id: ZId,
  organisation: z.object({ id: ZId, name: z.string() }),
  callbackUrl: z.string(),
  contactEmail: z.string(),
  eventTypes: z.array(z.string()),
  municipalityCodes: z.array(z.string()),
  teamIds: z.array(ZId),
  status: ZWebhookSubscriptionStatus,
  activatedAt: z.date().nullable(),
  consecutiveFailures: z.number().int(),
  lastFailureAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
});

export const ZCreateWebhookSubscriptionResponse = ZWebhookSubscription.extend({
  /** Shown once: verify each delivery's `webhook-signature` with it (Standard Webhooks). */
  signingSecret: z.string(),
});

export const ZWebhookSubscriptionId = z.object({ id: ZId }).strict();
export const ZListWebhookSubscriptionsResponse = z.object({ items: z.array(ZWebhookSubscription) });
export const ZDeleteWebhookSubscriptionResponse = z.object({ id: ZId, deletedAt: z.date() });

export const ZListWebhookDeliveriesRequest = z.object({
  status: ZWebhookDeliveryStatus.optional(),
  subscriptionId: ZId.optional(),
  /** The id of the last delivery of the previous page (newest first). */
  cursor: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** A delivery as the beheerder sees it: the event's reference and type, attempts and codes, never a body. */
export const ZWebhookDelivery = z.object({
  id: ZId,
  subscriptionId: ZId,
  organisation: z.object({ id: ZId, name: z.string() }),
  callbackUrl: z.string(),
  eventId: ZId,
  eventType: z.string(),
  aggregateId: ZId,
  status: ZWebhookDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.date(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  deliveredAt: z.date().nullable(),
  failedAt: z.date().nullable(),
});
export const ZListWebhookDeliveriesResponse = z.object({
  items: z.array(ZWebhookDelivery),
  nextCursor: ZId.nullable(),
  counts: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
});

export const ZResendWebhookDeliveryRequest = z.object({ id: ZId });
export const ZResendWebhookDeliveryResponse = z.object({
  id: ZId,
  status: ZWebhookDeliveryStatus,
  nextAttemptAt: z.date(),
  /** The abonnement was suspended and is active again. */
  subscriptionReactivated: z.boolean(),
});
