import { type CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage } from "cloudevents";
import kafkajs from "kafkajs";

/** What a partner system learns from one event, after fetching the details the event itself does not carry. */
export type ArrivedHandover = { event: CloudEvent<unknown>; details: unknown };

/**
 * A partner organisation's consumer, as a partner developer would write it with public libraries only:
 * - reads its own topic in a consumer group (Kafka keeps one handover's events in order: the key is its id);
 * - reads each message as a CloudEvent (binary mode: `ce_*` headers) and skips ids it has seen (delivery is at least
 *   once, so a relay restart can repeat an event);
 * - skips events for other organisations of its kind: the topic is per kind, the payload names the receiver;
 * - fetches the handover from the event's `dataref` (`/api/v1/overdrachten/{id}`, the REST API) with its
 *   service-account token, because events carry no personal data. The token only ever goes to the configured API:
 *   a `dataref` is followed by its path on that host, never to a host named in a message.
 */
export async function startPartnerConsumer(options: {
  brokers: string[];
  topic: string;
  groupId: string;
  apiUrl: string;
  token: string;
  onHandover: (arrived: ArrivedHandover) => void | Promise<void>;
  fromBeginning?: boolean;
}): Promise<{ stop: () => Promise<void> }> {
  const kafka = new kafkajs.Kafka({
    clientId: options.groupId,
    brokers: options.brokers,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 250 });
  const seen = new Set<string>();
  const me = (await callApi({ ...options, path: "me" })) as { organisation: { id: string } };
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) if (value) headers[name] = value.toString();
      const value = message.value?.toString() ?? "";
      const kafkaMessage: KafkaMessage<string> = { key: message.key?.toString() ?? "", value, headers, body: value };
      const event = CloudEventsKafka.toEvent(kafkaMessage) as CloudEvent<unknown>;
      if (seen.has(event.id)) return;
      const data = event.data as { targetOrganisationId?: string } | undefined;
      if (data?.targetOrganisationId !== me.organisation.id) return;
      const details = await fetchHandover({
        apiUrl: options.apiUrl,
        token: options.token,
        dataref: typeof event.dataref === "string" ? event.dataref : `/api/v1/overdrachten/${String(event.subject)}`,
      });
      await options.onHandover({ event, details });
      seen.add(event.id);
    },
  });
  return { stop: () => consumer.disconnect() };
}

/**
 * `GET /api/v1/overdrachten/{id}` (the event's `dataref`) with the partner's Bearer token; only handovers addressed
 * to it are answered. Errors come as `application/problem+json` with a Dutch `detail`.
 */
export async function fetchHandover(options: { apiUrl: string; token: string; dataref: string }): Promise<unknown> {
  const url = new URL(new URL(options.dataref, options.apiUrl).pathname, options.apiUrl);
  const response = await fetch(url, { headers: { authorization: `Bearer ${options.token}` } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(`${url.pathname} answered ${response.status}: ${problem.detail ?? response.statusText}`);
  }
  return response.json();
}

async function callApi(options: { apiUrl: string; token: string; path: string; input?: unknown }): Promise<unknown> {
  const query = options.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
  const response = await fetch(`${options.apiUrl.replace(/\/$/, "")}/trpc/${options.path}${query}`, {
    headers: { authorization: `Bearer ${options.token}` },
  });
  if (!response.ok) throw new Error(`${options.path} answered ${response.status}`);
  const body = (await response.json()) as { result: { data: unknown } };
  return body.result.data;
}
