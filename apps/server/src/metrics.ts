import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

export type BacklogProbe = () => Promise<{ pending: number; oldestSeconds: number }>;

export type MailBacklogProbe = () => Promise<{ pending: number; failed: number; oldestSeconds: number }>;

export function createMetrics(options: { outboxBacklog?: BacklogProbe; mailBacklog?: MailBacklogProbe } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const probe = options.outboxBacklog;
  if (probe) {
    // Read at scrape time: the database is the truth, whichever bridge instance did the work.
    let last: Promise<{ pending: number; oldestSeconds: number }> | null = null;
    const measure = () => {
      last ??= probe().finally(() => {
        last = null;
      });
      return last;
    };
    new Gauge({
      name: "outbox_backlog_events",
      help: "Events in the outbox not yet published to Kafka",
      registers: [registry],
      async collect() {
        this.set((await measure()).pending);
      },
    });
    new Gauge({
      name: "outbox_oldest_unpublished_seconds",
      help: "Age of the oldest event not yet published to Kafka",
      registers: [registry],
      async collect() {
        this.set((await measure()).oldestSeconds);
      },
    });
  }
  const mailProbe = options.mailBacklog;
  if (mailProbe) {
    new Gauge({
      name: "mail_backlog_messages",
      help: "E-mail waiting to be sent",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        const backlog = await mailProbe();
        this.set({ state: "pending" }, backlog.pending);
        this.set({ state: "failed" }, backlog.failed);
      },
    });
  }
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route and method",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    observe(options: { route: string; method: string; status: number; seconds: number }) {
      requests.inc({ route: options.route, method: options.method, status: String(options.status) });
      duration.observe({ route: options.route, method: options.method }, options.seconds);
    },
  };
}
