import { describeTargetError, requestTarget, type WebhookTargetPolicy } from "@ketenportaal/api";
import { type Database, executeRows, mailOutbox, type Transaction } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { toCloudEvent, toWebhookRequest } from "@ketenportaal/events";
import { renderWebhookSuspendedMail } from "@ketenportaal/mail";
import { sql } from "drizzle-orm";

/** Attempts per delivery before it is parked as failed (a beheerder can send it again). */
export const MAX_WEBHOOK_ATTEMPTS = 10;
/** Failed attempts in a row, over all of an abonnement's deliveries, before it is suspended and its owner told. */
export const SUSPEND_AFTER_FAILURES = 25;
const BASE_BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** A bridge holds an abonnement this long while it delivers to it; it must outlast a run of timeouts. */
export const WEBHOOK_LEASE_MS = 5 * 60 * 1000;
/** Deliveries to one abonnement per claim, so one busy receiver does not starve the others. */
const DELIVERIES_PER_CLAIM = 50;
const SUBSCRIPTIONS_IN_FLIGHT = 4;

export type WebhookDeliveryOptions = {
  db: Database;
  apiBaseUrl: string;
  policy: WebhookTargetPolicy;
  now?: () => Date;
  maxAttempts?: number;
  suspendAfter?: number;
  baseBackoffMs?: number;
  timeoutMs?: number;
  random?: () => number;
};

/** 10 s after the first failure, doubling to at most an hour, with up to 20% jitter so receivers are not hit in step. */
export function webhookBackoffMs(attempts: number, base = BASE_BACKOFF_MS, random: () => number = Math.random): number {
  const delay = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 + 0.2 * random()));
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: Date): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

type ClaimedSubscription = {
  id: string;
  callback_url: string;
  authorization: string | null;
  signing_secret: string;
  contact_email: string;
};

type HeadDelivery = {
  id: string;
  attempts: number;
  next_attempt_at: string | Date;
  event_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  source: string;
  sequence: number;
  payload: unknown;
  created_at: string | Date;
};

export type WebhookRunResult = {
  subscriptions: number;
  delivered: number;
  failed: number;
  parked: number;
  /** Abonnementen suspended in this run (their owners get an e-mail). */
  suspended: string[];
};

/**
 * Delivers due webhook events. Each abonnement is claimed with a lease (`FOR UPDATE SKIP LOCKED`, committed before
 * any HTTP), so bridges side by side never deliver to one abonnement at once and no transaction is open during the
 * request. Per abonnement only the oldest pending delivery goes (outbox order): a later event waits while an earlier
 * one is retried, until that one is delivered or parked after `maxAttempts`. 429 and 503 are retried after their
 * `Retry-After` when it is longer than the backoff.
 */
export async function deliverDueWebhooks(options: WebhookDeliveryOptions): Promise<WebhookRunResult> {
  const now = options.now ?? (() => new Date());
  const asWorker = <T>(work: (tx: Transaction) => Promise<T>) =>
    withSystemTask(options.db, { task: "webhook-delivery" }, work);
  const at = now();
  const claimed = await asWorker((tx) =>
    executeRows<ClaimedSubscription>(
      tx,
      sql`update webhook_subscriptions s
          set lease_until = ${new Date(at.getTime() + WEBHOOK_LEASE_MS).toISOString()}::timestamptz
          from (select s2.id from webhook_subscriptions s2
                where s2.status = 'active' and s2.deleted_at is null
                  and (s2.lease_until is null or s2.lease_until <= ${at.toISOString()}::timestamptz)
                  and (select d.next_attempt_at from webhook_deliveries d
                       where d.subscription_id = s2.id and d.status = 'pending'
                       order by d.outbox_position limit 1) <= ${at.toISOString()}::timestamptz
                order by s2.id
                limit 20
                for update skip locked) due
          where s.id = due.id
          returning s.id, s.callback_url, s."authorization", s.signing_secret, s.contact_email`,
    ),
  );
  const result: WebhookRunResult = {
    subscriptions: claimed.length,
    delivered: 0,
    failed: 0,
    parked: 0,
    suspended: [],
  };
  let next = 0;
  const worker = async () => {
    for (let subscription = claimed[next++]; subscription !== undefined; subscription = claimed[next++]) {
      try {
        await deliverToSubscription(subscription, options, now, asWorker, result);
      } finally {
        await asWorker((tx) =>
          tx.execute(sql`update webhook_subscriptions set lease_until = null where id = ${subscription.id}`),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: SUBSCRIPTIONS_IN_FLIGHT }, worker));
  return result;
}

async function deliverToSubscription(
  subscription: ClaimedSubscription,
  options: WebhookDeliveryOptions,
  now: () => Date,
  asWorker: <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>,
  result: WebhookRunResult,
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? MAX_WEBHOOK_ATTEMPTS;
  for (let sent = 0; sent < DELIVERIES_PER_CLAIM; sent++) {
    const [head] = await asWorker((tx) =>
      executeRows<HeadDelivery>(
        tx,
        sql`select d.id, d.attempts, d.next_attempt_at, o.id as event_id, o.aggregate_type, o.aggregate_id,
                   o.event_type, o.source, o.sequence, o.payload, o.created_at
            from webhook_deliveries d join outbox o on o.id = d.outbox_event_id
            where d.subscription_id = ${subscription.id} and d.status = 'pending'
            order by d.outbox_position limit 1`,
      ),
    );
    const at = now();
    if (!head || new Date(head.next_attempt_at) > at) return;
    // The very CloudEvent the relay puts on Kafka: same id, source, type, subject, sequence and dataref.
    const event = toCloudEvent({
      record: {
        id: head.event_id,
        aggregateType: head.aggregate_type,
        aggregateId: head.aggregate_id,
        eventType: head.event_type,
        source: head.source,
        sequence: Number(head.sequence),
        payload: head.payload,
        createdAt: new Date(head.created_at),
      },
      apiBaseUrl: options.apiBaseUrl,
    });
    const request = toWebhookRequest({ event, secret: subscription.signing_secret, now: at });
    let status: number | null = null;
    let error: string;
    let waitAtLeast: number | null = null;
    try {
      const response = await requestTarget({
        url: subscription.callback_url,
        method: "POST",
        headers: {
          ...request.headers,
          ...(subscription.authorization ? { authorization: subscription.authorization } : {}),
          "user-agent": "Ketenportaal-Webhooks/1",
        },
        body: request.body,
        policy: options.policy,
        timeoutMs: options.timeoutMs ?? 10_000,
      });
      status = response.status;
      if (status >= 200 && status <= 299) {
        await asWorker(async (tx) => {
          await tx.execute(sql`update webhook_deliveries
            set status = 'delivered', attempts = attempts + 1, delivered_at = ${at.toISOString()}::timestamptz,
                last_status_code = ${status}, last_error = null
            where id = ${head.id} and status = 'pending'`);
          await tx.execute(sql`update webhook_subscriptions set consecutive_failures = 0, updated_at = now()
            where id = ${subscription.id} and consecutive_failures <> 0`);
        });
        result.delivered++;
        continue;
      }
      error = `HTTP_${status}`;
      if (status === 429 || status === 503) waitAtLeast = retryAfterMs(response.headers["retry-after"], at);
    } catch (caught) {
      error = describeTargetError(caught);
    }
    const attempts = Number(head.attempts) + 1;
    const parked = attempts >= maxAttempts;
    const delay = Math.max(
      webhookBackoffMs(attempts, options.baseBackoffMs ?? BASE_BACKOFF_MS, options.random),
      waitAtLeast ?? 0,
    );
    const suspended = await asWorker(async (tx) => {
      await tx.execute(sql`update webhook_deliveries
        set attempts = ${attempts}, last_status_code = ${status}, last_error = ${error},
            next_attempt_at = ${new Date(at.getTime() + delay).toISOString()}::timestamptz,
            status = ${parked ? "failed" : "pending"}::webhook_delivery_status,
            failed_at = ${parked ? at.toISOString() : null}::timestamptz
        where id = ${head.id} and status = 'pending'`);
      return recordFailure({ tx, subscription, at, options });
    });
    result.failed++;
    if (suspended) {
      result.suspended.push(subscription.id);
      return;
    }
    if (parked) {
      result.parked++;
      continue; // The parked event no longer holds up the next one; that one gets its own attempts.
    }
    return;
  }
}

/** Counts a failed attempt against the abonnement; at the limit it is suspended and its owner told once, by e-mail. */
async function recordFailure(options: {
  tx: Transaction;
  subscription: ClaimedSubscription;
  at: Date;
  options: WebhookDeliveryOptions;
}): Promise<boolean> {
  const { tx, subscription, at } = options;
  const suspendAfter = options.options.suspendAfter ?? SUSPEND_AFTER_FAILURES;
  const [row] = await executeRows<{ consecutive_failures: number; suspended: boolean }>(
    tx,
    sql`update webhook_subscriptions
        set consecutive_failures = consecutive_failures + 1, last_failure_at = ${at.toISOString()}::timestamptz,
            updated_at = now(),
            status = case when consecutive_failures + 1 >= ${suspendAfter} then 'suspended'::webhook_subscription_status
                          else status end,
            suspended_at = case when consecutive_failures + 1 >= ${suspendAfter} and status = 'active'
                                then ${at.toISOString()}::timestamptz else suspended_at end
        where id = ${subscription.id}
        returning consecutive_failures, (consecutive_failures = ${suspendAfter}) as suspended`,
  );
  if (!row?.suspended) return false;
  const mail = renderWebhookSuspendedMail({
    params: {
      subscriptionId: subscription.id,
      callbackHost: new URL(subscription.callback_url).host,
      failures: Number(row.consecutive_failures),
      link: options.options.apiBaseUrl,
    },
  });
  await tx.insert(mailOutbox).values({
    toAddress: subscription.contact_email,
    template: "webhook_suspended",
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html,
  });
  return true;
}

/** Pending and parked deliveries and the age of the oldest pending one, for /metrics. */
export async function measureWebhookBacklog(options: { db: Database }) {
  const [row] = await withSystemTask(options.db, { task: "metrics" }, (tx) =>
    executeRows<{ pending: number; failed: number; oldest_seconds: number | null }>(
      tx,
      sql`select count(*) filter (where status = 'pending')::int as pending,
                 count(*) filter (where status = 'failed')::int as failed,
                 extract(epoch from (now() - min(created_at) filter (where status = 'pending')))::float8
                   as oldest_seconds
          from webhook_deliveries`,
    ),
  );
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
}
