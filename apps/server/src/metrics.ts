import {
  type BacklogProbe,
  type MailBacklogProbe,
  registerBacklogMetrics,
  registerPublishLatencyMetric,
} from "@ketenportaal/bridge";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The server's registry: HTTP figures and process metrics, plus the outbox and e-mail backlog when probes are given,
 * and — when the server runs the workers itself (embedded database) — the relay's publish latency.
 */
export function createMetrics(
  options: {
    outboxBacklog?: BacklogProbe;
    mailBacklog?: MailBacklogProbe;
    webhookBacklog?: MailBacklogProbe;
    publishLatency?: boolean;
  } = {},
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (options.outboxBacklog && options.mailBacklog) {
    registerBacklogMetrics({
      registry,
      outboxBacklog: options.outboxBacklog,
      mailBacklog: options.mailBacklog,
      ...(options.webhookBacklog ? { webhookBacklog: options.webhookBacklog } : {}),
    });
  }
  const observePublishLatency = options.publishLatency ? registerPublishLatencyMetric({ registry }) : undefined;
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
    observePublishLatency,
    observe(options: { route: string; method: string; status: number; seconds: number }) {
      requests.inc({ route: options.route, method: options.method, status: String(options.status) });
      duration.observe({ route: options.route, method: options.method }, options.seconds);
    },
  };
}
