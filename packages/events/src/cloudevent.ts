import { CloudEvent, Kafka, type KafkaMessage } from "cloudevents";

/** An outbox row as the relay hands it over: everything the envelope needs, nothing else. */
export type OutboxEventRecord = {
  id: string;
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  source: string;
  sequence: number;
  payload: unknown;
  createdAt: Date;
};

/** Where a partner system fetches an aggregate's details with its token (NL GOV `dataref`). */
const datarefPaths: Record<string, string> = {
  handover: "/api/v1/overdrachten",
  table: "/api/v1/overdrachtstafels",
  vv: "/api/v1/vv-trajecten",
  continuity_plan: "/api/v1/continuiteitsplannen",
};

/**
 * The NL GOV profile for CloudEvents: the outbox row's UUID as `id` (stable across retries, so consumers can
 * deduplicate), VT's OIN in `source`, the aggregate id as `subject`, its number within the aggregate as `sequence`,
 * and a `dataref` to the API. The SDK validates the attributes; an invalid event throws.
 */
export function toCloudEvent(options: { record: OutboxEventRecord; apiBaseUrl: string }): CloudEvent<unknown> {
  const { record } = options;
  const path = datarefPaths[record.aggregateType] ?? `/api/v1/${record.aggregateType}`;
  return new CloudEvent<unknown>({
    specversion: "1.0",
    id: record.id,
    source: record.source,
    type: record.eventType,
    subject: record.aggregateId,
    time: record.createdAt.toISOString(),
    datacontenttype: "application/json",
    data: record.payload,
    sequence: String(record.sequence),
    sequencetype: "Integer",
    dataref: `${options.apiBaseUrl.replace(/\/$/, "")}${path}/${record.aggregateId}`,
  });
}

export type KafkaRecord = { key: string; value: string; headers: Record<string, string> };

/** Binary content mode: attributes as `ce_*` headers, the JSON data as the value, the aggregate id as the key. */
export function toKafkaRecord(options: { event: CloudEvent<unknown> }): KafkaRecord {
  const message = Kafka.binary(options.event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = String(value);
  }
  const value = typeof message.value === "string" ? message.value : JSON.stringify(message.value);
  return { key: String(options.event.subject), value, headers };
}

/** Reads a Kafka record back into a CloudEvent, as a partner's consumer does. */
export function fromKafkaRecord(options: {
  key: string;
  value: Buffer | string;
  headers: Record<string, string | Buffer | undefined>;
}) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers))
    if (value !== undefined) headers[name] = value.toString();
  const value = options.value.toString();
  const message: KafkaMessage<string> = { key: options.key, value, headers, body: value };
  return Kafka.toEvent(message) as CloudEvent<unknown>;
}
