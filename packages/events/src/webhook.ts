import { randomBytes } from "node:crypto";
import { type CloudEvent, HTTP } from "cloudevents";
import { Webhook, WebhookVerificationError } from "standardwebhooks";

/** The media type of a CloudEvent in structured mode: attributes and data in one JSON document. */
export const CLOUDEVENTS_JSON = "application/cloudevents+json";

export type WebhookRequest = { body: string; headers: Record<string, string> };

/** A new per-abonnement signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * One delivery: the CloudEvent built for Kafka (same `id`, `source`, `type`, `subject`, `sequence`, `dataref`), in
 * structured mode, signed per Standard Webhooks — `webhook-id` is the event's id (stable across retries, so a
 * receiver deduplicates on it), `webhook-timestamp` the attempt's time in seconds, `webhook-signature` `v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">` with the abonnement's secret.
 */
export function toWebhookRequest(options: { event: CloudEvent<unknown>; secret: string; now: Date }): WebhookRequest {
  const message = HTTP.structured(options.event);
  const body = typeof message.body === "string" ? message.body : JSON.stringify(message.body);
  const id = String(options.event.id);
  const signature = new Webhook(options.secret).sign(id, options.now, body);
  return {
    body,
    headers: {
      "content-type": CLOUDEVENTS_JSON,
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(options.now.getTime() / 1000)),
      "webhook-signature": signature,
    },
  };
}

export type WebhookVerification = { ok: true; event: Record<string, unknown> } | { ok: false; reason: string };

/**
 * What a receiver does with a delivery before trusting it: check the signature over the raw body and that the
 * timestamp is within five minutes (replay), then read the CloudEvent. A forged or altered request is refused.
 */
export function verifyWebhookRequest(options: {
  secret: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}): WebhookVerification {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers)) {
    if (typeof value === "string") headers[name.toLowerCase()] = value;
  }
  try {
    const event = new Webhook(options.secret).verify(options.body, headers) as Record<string, unknown>;
    if (event?.id !== headers["webhook-id"]) return { ok: false, reason: "webhook-id differs from the event id" };
    return { ok: true, event };
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { ok: false, reason: error.message };
    return { ok: false, reason: "not a signed CloudEvent" };
  }
}
