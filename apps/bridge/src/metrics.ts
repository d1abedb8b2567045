import type { Database } from "@ketenportaal/db";
import { Gauge, Histogram, type Registry } from "prom-client";
import { measureMailBacklog } from "./mail/deliver-mail";
import { measureOutboxBacklog } from "./relay/relay-outbox";
import { measureWebhookBacklog } from "./webhooks/deliver-webhooks";

export type BacklogProbe = () => Promise<{ pending: number; oldestSeconds: number }>;
export type MailBacklogProbe = () => Promise<{ pending: number; failed: number; oldestSeconds: number }>;

/** One probe per scrape, however many gauges read it: the gauges of a scrape then agree with each other. */
function sharedPerScrape<T>(probe: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= probe().finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * The outbox and e-mail backlog as gauges, read from the database at scrape time: the database is the truth,
 * whichever bridge instance did the work, so the server and every bridge report the same figures.
 */
export function registerBacklogMetrics(options: {
  registry: Registry;
  outboxBacklog: BacklogProbe;
  mailBacklog: MailBacklogProbe;
  /** Webhook deliveries waiting or parked; absent where the caller has no database to ask. */
  webhookBacklog?: MailBacklogProbe;
}): void {
  const { registry } = options;
  const outbox = sharedPerScrape(options.outboxBacklog);
  new Gauge({
    name: "outbox_backlog_events",
    help: "Events in the outbox not yet published to Kafka",
    registers: [registry],
    async collect() {
      this.set((await outbox()).pending);
    },
  });
  new Gauge({
    name: "outbox_oldest_unpublished_seconds",
    help: "Age of the oldest event not yet published to Kafka",
    registers: [registry],
    async collect() {
      this.set((await outbox()).oldestSeconds);
    },
  });
  const mail = sharedPerScrape(options.mailBacklog);
  new Gauge({
    name: "mail_backlog_messages",
    help: "E-mail waiting to be sent, and e-mail given up after the last attempt",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const backlog = await mail();
      this.set({ state: "pending" }, backlog.pending);
      this.set({ state: "failed" }, backlog.failed);
    },
  });
  new Gauge({
    name: "mail_oldest_pending_seconds",
    help: "Age of the oldest e-mail not yet sent",
    registers: [registry],
    async collect() {
      this.set((await mail()).oldestSeconds);
    },
  });
  if (!options.webhookBacklog) return;
  const webhooks = sharedPerScrape(options.webhookBacklog);
  new Gauge({
    name: "webhook_backlog_deliveries",
    help: "Webhook deliveries waiting to be delivered, and deliveries parked after the last attempt",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const backlog = await webhooks();
      this.set({ state: "pending" }, backlog.pending);
      this.set({ state: "failed" }, backlog.failed);
    },
  });
  new Gauge({
    name: "webhook_oldest_pending_seconds",
    help: "Age of the oldest webhook delivery not yet delivered",
    registers: [registry],
    async collect() {
      this.set((await webhooks()).oldestSeconds);
    },
  });
}

/** The backlog gauges of the bridge's own tables. */
export function registerDatabaseBacklogMetrics(options: { registry: Registry; db: Database }): void {
  registerBacklogMetrics({
    registry: options.registry,
    outboxBacklog: () => measureOutboxBacklog({ db: options.db }),
    mailBacklog: () => measureMailBacklog({ db: options.db }),
    webhookBacklog: () => measureWebhookBacklog({ db: options.db }),
  });
}

/**
 * Commit-to-acknowledgement time of every published event. The start is the outbox row's `created_at`, the start
 * of the transaction that wrote it — a few milliseconds before its commit, so the figure errs on the long side.
 * It lives in the process that publishes: the relay of a bridge, or of the embedded server.
 */
export function registerPublishLatencyMetric(options: { registry: Registry }): (seconds: number) => void {
  const histogram = new Histogram({
    name: "outbox_publish_latency_seconds",
    help: "Time from the transition's commit to the broker's acknowledgement of its event",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [options.registry],
  });
  return (seconds) => histogram.observe(Math.max(0, seconds));
}
