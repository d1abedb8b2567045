import { readFileSync } from "node:fs";
import { type AsyncAPIDocumentInterface, DiagnosticSeverity, Parser } from "@asyncapi/parser";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type CaseEventPayload, caseEvents, ZCaseEventPayload } from "./case-payloads";
import { toCloudEvent, toKafkaRecord } from "./cloudevent";
import {
  type ContinuityPlanEventPayload,
  continuityPlanEvents,
  ZContinuityPlanEventPayload,
} from "./continuity-plan-payloads";
import { eventSource, eventTypeName } from "./event-types";
import { type HandoverEventPayload, handoverEvents, ZHandoverEventPayload } from "./payloads";
import {
  type TableClosedPayload,
  type TableDecidedPayload,
  tableEvents,
  ZTableClosedPayload,
  ZTableDecidedPayload,
} from "./table-payloads";
import { handoverTopicFor, type ReceivingOrganisationKind, topics } from "./topics";
import { type VvEventPayload, vvEvents, ZVvEventPayload } from "./vv-payloads";

/** The partner-facing contract, checked against the code so the two cannot drift apart. */
const yamlText = readFileSync(new URL("../asyncapi.yaml", import.meta.url), "utf8");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A Record, so adding a receiving kind without updating this list fails the type check. */
const receivingKinds: Record<ReceivingOrganisationKind, true> = { local_team: true, cjg: true, youth_protection: true };
const handoverTopics = (Object.keys(receivingKinds) as ReceivingOrganisationKind[]).map(handoverTopicFor);
const handoverTypes = handoverEvents.map((event) => eventTypeName({ aggregate: "handover", event }));
const tableTypes = tableEvents.map((event) => eventTypeName({ aggregate: "table", event }));
const vvTypes = vvEvents.map((event) => eventTypeName({ aggregate: "vv", event }));
const caseTypes = caseEvents.map((event) => eventTypeName({ aggregate: "case", event }));
const continuityPlanTypes = continuityPlanEvents.map((event) => eventTypeName({ aggregate: "continuity_plan", event }));

/** The event types each topic carries, in the order the document lists them. */
const typesByTopic = new Map<string, string[]>([
  ...handoverTopics.map((topic) => [topic, handoverTypes] as [string, string[]]),
  [topics.tables, tableTypes],
  [topics.vv, vvTypes],
  [topics.continuityPlan, continuityPlanTypes],
  [topics.cases, caseTypes],
]);

/** Which components schema (and zod schema) each event type's payload refers to, and its Kafka key binding. */
const payloadOf = new Map<string, { schema: string; binding: string }>([
  ...handoverTypes.map((type) => [type, { schema: "HandoverEventPayload", binding: "keyedByHandover" }] as const),
  [tableTypes[0] ?? "", { schema: "TableDecidedPayload", binding: "keyedByMeeting" }],
  [tableTypes[1] ?? "", { schema: "TableClosedPayload", binding: "keyedByMeeting" }],
  ...vvTypes.map((type) => [type, { schema: "VvEventPayload", binding: "keyedByTrajectory" }] as const),
  ...continuityPlanTypes.map(
    (type) => [type, { schema: "ContinuityPlanEventPayload", binding: "keyedByPlan" }] as const,
  ),
  ...caseTypes.map((type) => [type, { schema: "CaseEventPayload", binding: "keyedByCase" }] as const),
]);
const payloadSchemas = [
  { name: "HandoverEventPayload", zod: ZHandoverEventPayload },
  { name: "TableDecidedPayload", zod: ZTableDecidedPayload },
  { name: "TableClosedPayload", zod: ZTableClosedPayload },
  { name: "VvEventPayload", zod: ZVvEventPayload },
  { name: "ContinuityPlanEventPayload", zod: ZContinuityPlanEventPayload },
  { name: "CaseEventPayload", zod: ZCaseEventPayload },
] as const;

const ceHeaders = [
  "ce_specversion",
  "ce_id",
  "ce_source",
  "ce_type",
  "ce_subject",
  "ce_time",
  "ce_sequence",
  "ce_sequencetype",
  "ce_dataref",
  "content-type",
];

/** Drops what only the parser adds (`x-parser-schema-id`, ...) so a schema can be compared or compiled. */
function withoutParserExtensions(value: unknown): Json {
  if (Array.isArray(value)) return value.map(withoutParserExtensions);
  if (!isObject(value)) return value as Json;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith("x-parser-"))
      .map(([key, inner]) => [key, withoutParserExtensions(inner)]),
  );
}

const documentationKeywords = new Set(["description", "examples", "title"]);
/** Formats for which zod also emits its own regular expression; the format alone carries the meaning. */
const formatsWithZodPattern = new Set(["uuid", "date", "date-time"]);

/**
 * One representation for what zod's JSON Schema and the hand-written YAML say differently but mean alike:
 * documentation keywords go, zod's regex beside a format goes, zod's safe-integer `maximum` goes,
 * `anyOf: [X, {type: null}]` becomes `X` with `type: [X.type, "null"]`, and `required` is a set.
 */
function normaliseSchema(value: Json): Json {
  if (Array.isArray(value)) return value.map(normaliseSchema);
  if (!isObject(value)) return value;
  const anyOf = value.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const [first, second] = anyOf;
    const isNull = (schema: Json | undefined) => isObject(schema) && schema.type === "null";
    const nullable = isNull(second) ? first : isNull(first) ? second : undefined;
    if (isObject(nullable) && typeof nullable.type === "string") {
      const { anyOf: _anyOf, ...rest } = value;
      return normaliseSchema({ ...rest, ...nullable, type: [nullable.type, "null"] });
    }
  }
  const result: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$schema" || documentationKeywords.has(key)) continue;
    if (key === "pattern" && typeof value.format === "string" && formatsWithZodPattern.has(value.format)) continue;
    if (key === "maximum" && value.type === "integer" && inner === Number.MAX_SAFE_INTEGER) continue;
    if (key === "required" && Array.isArray(inner)) {
      result[key] = [...inner].map(String).sort();
      continue;
    }
    // `properties` maps names to schemas: normalise the schemas, never drop a property called like a keyword.
    result[key] =
      key === "properties" && isObject(inner)
        ? Object.fromEntries(Object.entries(inner).map(([name, schema]) => [name, normaliseSchema(schema)]))
        : normaliseSchema(inner);
  }
  return result;
}

function newAjv() {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const samplePayload: HandoverEventPayload = {
  handoverId: "3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  caseId: "4f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  status: "offered",
  version: 2,
  organisationId: "5f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  targetOrganisationId: "6f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  targetTeamId: "7f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  municipalityCode: "GM0392",
  regionId: "8f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  acceptanceDueOn: "2026-12-03",
  firstContactDueOn: null,
  occurredAt: "2026-11-30T09:00:00.000Z",
};

let document: AsyncAPIDocumentInterface;
/** The same file as plain data, to check what the parser resolves away (`$ref`s to shared components). */
const raw = parseYaml(yamlText) as JsonObject;

function component(kind: string, name: string): JsonObject {
  const components = raw.components;
  const group = isObject(components) ? components[kind] : undefined;
  const value = isObject(group) ? group[name] : undefined;
  if (!isObject(value)) throw new Error(`components.${kind}.${name} is missing`);
  return value;
}

function channelAt(topic: string) {
  return document
    .allChannels()
    .all()
    .find((channel) => channel.address() === topic);
}

/** A payload schema as tools see it, `$ref`s resolved (each message refers to one, checked below). */
function payloadSchema(name = "HandoverEventPayload"): Json {
  const schema = document.components().schemas().get(name);
  if (!schema) throw new Error(`components.schemas.${name} is missing`);
  return withoutParserExtensions(schema.json());
}

beforeAll(async () => {
  const { document: parsed, diagnostics } = await new Parser().parse(yamlText);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
  if (errors.length > 0 || !parsed) {
    const lines = diagnostics.map(
      (d) => `  [${DiagnosticSeverity[d.severity]}] ${d.code} at ${d.path.join(".")}: ${d.message}`,
    );
    throw new Error(`asyncapi.yaml is not a valid AsyncAPI document:\n${lines.join("\n")}`);
  }
  document = parsed;
}, 30_000);

describe("asyncapi.yaml", () => {
  it("is an AsyncAPI 3.0 document for Kafka over TLS with one security scheme", () => {
    expect(document.version()).toBe("3.0.0");
    expect(document.info().title()).toBe("Ketenportaal gebeurtenissen");
    expect(document.info().license()?.name()).toBe("EUPL-1.2");
    const servers = document.servers().all();
    expect(servers.map((server) => [server.id(), server.protocol()])).toEqual([["production", "kafka-secure"]]);
    expect(servers[0]?.security().length).toBe(1);
  });

  it("has a channel for every topic in topics.ts and no other, each bound to its Kafka topic", () => {
    const channels = document.allChannels().all();
    expect(channels.map((channel) => channel.address()).sort()).toEqual(Object.values(topics).sort());
    for (const channel of channels) {
      expect(channel.bindings().get("kafka")?.value<{ topic: string }>().topic).toBe(channel.address());
    }
  });

  it("carries every handover event type on every handover topic", () => {
    for (const topic of handoverTopics) {
      const channel = channelAt(topic);
      expect(
        channel
          ?.messages()
          .all()
          .map((message) => message.name()),
        topic,
      ).toEqual(handoverTypes);
    }
  });

  it("carries the table events on the tables topic and the V&V events on the V&V topic", () => {
    for (const topic of [topics.tables, topics.vv, topics.continuityPlan, topics.cases]) {
      expect(
        channelAt(topic)
          ?.messages()
          .all()
          .map((message) => message.name()),
        topic,
      ).toEqual(typesByTopic.get(topic));
    }
  });

  it("lets partner systems receive, one operation per topic with all its messages", () => {
    const operations = document.allOperations().all();
    expect(operations.every((operation) => operation.isReceive())).toBe(true);
    const received = operations.map((operation) => {
      const channels = operation.channels().all();
      expect(channels).toHaveLength(1);
      return {
        topic: channels[0]?.address(),
        messages: operation
          .messages()
          .all()
          .map((message) => message.name()),
      };
    });
    expect(received.map(({ topic }) => topic).sort()).toEqual(Object.values(topics).sort());
    for (const { topic, messages } of received) expect(messages).toEqual(typesByTopic.get(topic ?? ""));
  });

  it("has one message per event type, fixing ce_type to its name", () => {
    const messages = document.components().messages().all();
    expect(messages.map((message) => message.name()).sort()).toEqual([...payloadOf.keys()].sort());
    for (const message of messages) {
      const name = message.name();
      const headers = component("messages", message.id()).headers;
      const allOf = isObject(headers) && Array.isArray(headers.allOf) ? headers.allOf : [];
      const constants = allOf.flatMap((part) => {
        const properties = isObject(part) ? part.properties : undefined;
        const ceType = isObject(properties) ? properties.ce_type : undefined;
        return isObject(ceType) && "const" in ceType ? [ceType.const] : [];
      });
      expect(constants, message.id()).toEqual([name]);
      expect(message.contentType()).toBe("application/json");
      // Each aggregate's messages share its payload schema and Kafka binding (key = the aggregate's id).
      const expected = payloadOf.get(name ?? "");
      expect(component("messages", message.id()).payload).toEqual({
        $ref: `#/components/schemas/${expected?.schema}`,
      });
      expect(component("messages", message.id()).bindings).toEqual({
        $ref: `#/components/messageBindings/${expected?.binding}`,
      });
      const key = message.bindings().get("kafka")?.value<{ key: unknown }>().key;
      expect(withoutParserExtensions(key)).toMatchObject({ type: "string", format: "uuid" });
    }
  });

  it("requires the CloudEvents binary-mode headers", () => {
    const headers = component("schemas", "CloudEventKafkaHeaders");
    expect(headers.required).toEqual(ceHeaders);
    expect(Object.keys(isObject(headers.properties) ? headers.properties : {})).toEqual(
      expect.arrayContaining(ceHeaders),
    );
  });

  it.each(payloadSchemas)("describes $name with exactly the fields of its zod schema", ({ name, zod }) => {
    const schema = payloadSchema(name);
    const shape = zod.shape;
    const keys = Object.keys(shape);
    const required = keys.filter(
      (key) =>
        !(shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>)[key]?.safeParse(undefined)
          .success,
    );
    expect(isObject(schema) && schema.additionalProperties).toBe(false);
    expect(Object.keys(isObject(schema) && isObject(schema.properties) ? schema.properties : {}).sort()).toEqual(
      [...keys].sort(),
    );
    expect(isObject(schema) && Array.isArray(schema.required) ? [...schema.required].sort() : []).toEqual(
      required.sort(),
    );
  });

  it.each(payloadSchemas)("describes $name as zod's own JSON Schema does, up to representation", ({ name, zod }) => {
    const fromZod = z.toJSONSchema(zod, { target: "draft-7" }) as Json;
    expect(normaliseSchema(payloadSchema(name))).toEqual(normaliseSchema(fromZod));
  });
});

describe("asyncapi.yaml against real events (ajv from node_modules)", () => {
  it("accepts payloads zod accepts", () => {
    const validate = newAjv().compile(payloadSchema() as JsonObject);
    const samples: HandoverEventPayload[] = [
      samplePayload,
      { ...samplePayload, status: "accepted", version: 3, firstContactDueOn: "2026-12-14" },
      { ...samplePayload, acceptanceDueOn: null, occurredAt: "2026-11-30T10:00:00+01:00", deadlineKind: "acceptance" },
    ];
    for (const sample of samples) {
      expect(ZHandoverEventPayload.safeParse(sample).success).toBe(true);
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each([
    ["a personal field", { ...samplePayload, name: "Jan" }],
    ["a missing field", { ...samplePayload, caseId: undefined }],
    ["an unknown status", { ...samplePayload, status: "lost" }],
    ["a version below 1", { ...samplePayload, version: 0 }],
    ["a municipality that is no CBS code", { ...samplePayload, municipalityCode: "Haarlem" }],
    ["a date that is no date", { ...samplePayload, acceptanceDueOn: "3 december" }],
    ["an unknown deadline kind", { ...samplePayload, deadlineKind: "other" }],
  ])("refuses %s, as zod does", (_, sample) => {
    const value = JSON.parse(JSON.stringify(sample)) as unknown;
    expect(ZHandoverEventPayload.safeParse(value).success).toBe(false);
    expect(newAjv().validate(payloadSchema() as JsonObject, value)).toBe(false);
  });

  const tableDecided: TableDecidedPayload = {
    meetingId: "1f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    itemId: "2f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    caseId: "4f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    organisationId: "5f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    regionId: "8f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    municipalityCode: "GM0392",
    decision: "handover",
    receivingOrganisationId: "6f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    handoverId: "3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    vvTrajectoryId: null,
    postponedToMeetingId: null,
    version: 4,
    occurredAt: "2026-12-01T13:30:00.000Z",
  };
  const tableClosed: TableClosedPayload = {
    meetingId: tableDecided.meetingId,
    organisationId: tableDecided.organisationId,
    regionId: tableDecided.regionId,
    scheduledAt: "2026-12-01T13:00:00.000Z",
    participantOrganisationIds: ["6f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11"],
    itemCount: 5,
    decisionCounts: { handover: 1, vv: 1, vt_keeps: 1, raad_request: 1, postpone: 1 },
    version: 9,
    occurredAt: "2026-12-01T15:00:00+01:00",
  };
  const vvEvent: VvEventPayload = {
    trajectoryId: "9f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    caseId: tableDecided.caseId,
    status: "open",
    version: 3,
    organisationId: tableDecided.organisationId,
    partnerOrganisationId: "6f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    municipalityCode: "GM0392",
    regionId: tableDecided.regionId,
    conditionId: "af0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    conditionOwner: "household",
    conditionStatus: "met",
    conditionDueOn: "2026-12-15",
    occurredAt: "2026-12-01T13:30:00.000Z",
  };

  const continuityPlanEnded: ContinuityPlanEventPayload = {
    planId: "bf0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    organisationId: tableDecided.organisationId,
    startsOn: "2026-07-01",
    expectedEndOn: "2026-09-30",
    endedOn: "2026-09-15",
    endReason: "declared",
    services: ["crisis_service", "sexual_violence_centre", "duty_desk"],
    version: 2,
    occurredAt: "2026-09-15T14:00:00+02:00",
  };

  const caseFeedback: CaseEventPayload = {
    caseId: "cf0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    organisationId: tableDecided.organisationId,
    municipalityCode: "GM0392",
    priority: "high",
    version: 4,
    safetyAssessmentDueOn: "2026-12-01",
    feedbackId: "df0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    feedbackStep: "assessment_completed",
    mailQueued: true,
    occurredAt: "2026-12-01T10:00:00+01:00",
  };

  const caseChangeSignal: CaseEventPayload = {
    caseId: caseFeedback.caseId,
    organisationId: caseFeedback.organisationId,
    municipalityCode: "GM0392",
    priority: "normal",
    version: 7,
    safetyAssessmentDueOn: "2026-12-29",
    changeSignalId: "ef0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
    changeSignalSource: "partner",
    changeSignalKind: "new_incident",
    occurredAt: "2026-12-21T10:00:00+01:00",
  };

  it.each([
    ["CaseEventPayload", ZCaseEventPayload, caseFeedback, { ...caseFeedback, priority: "urgent" }],
    [
      "CaseEventPayload",
      ZCaseEventPayload,
      caseChangeSignal,
      { ...caseChangeSignal, description: "Nieuw incident op school." },
    ],
    ["TableDecidedPayload", ZTableDecidedPayload, tableDecided, { ...tableDecided, decision: "later" }],
    ["TableClosedPayload", ZTableClosedPayload, tableClosed, { ...tableClosed, decisionCounts: { handover: 1 } }],
    ["VvEventPayload", ZVvEventPayload, vvEvent, { ...vvEvent, conditionStatus: "half" }],
    [
      "ContinuityPlanEventPayload",
      ZContinuityPlanEventPayload,
      continuityPlanEnded,
      { ...continuityPlanEnded, services: [] },
    ],
  ] as const)("accepts and refuses %s payloads as zod does", (name, zod, good, bad) => {
    const validate = newAjv().compile(payloadSchema(name) as JsonObject);
    expect(zod.safeParse(good).success).toBe(true);
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    for (const sample of [bad, { ...good, conditionText: "Vader blijft weg" }, { ...good, name: "Jan" }]) {
      expect(zod.safeParse(sample).success).toBe(false);
      expect(validate(sample)).toBe(false);
    }
  });

  it("matches the headers and key toKafkaRecord produces", () => {
    const record = {
      id: "2b8f7c1e-4b1a-4c55-9d1e-6a0b5f2f9a01",
      aggregateType: "handover",
      aggregateId: samplePayload.handoverId,
      source: eventSource({ vtOin: "00000009999999990001" }),
      sequence: 12,
      payload: samplePayload,
      createdAt: new Date("2026-11-30T09:00:00.000Z"),
    };
    const ajv = newAjv();
    for (const message of document.components().messages().all()) {
      const eventType = message.name() ?? "";
      const kafka = toKafkaRecord({
        event: toCloudEvent({ record: { ...record, eventType }, apiBaseUrl: "https://ketenportaal.example" }),
      });
      const headers = message.headers();
      const key = message.bindings().get("kafka")?.value<{ key: unknown }>().key;
      if (!headers || !key) throw new Error(`${message.id()} has no headers or no key schema`);
      const validateHeaders = ajv.compile(withoutParserExtensions(headers.json()) as JsonObject);
      expect(validateHeaders(kafka.headers), JSON.stringify(validateHeaders.errors)).toBe(true);
      expect(validateHeaders({ ...kafka.headers, ce_type: `${eventType}x` })).toBe(false);
      expect(ajv.validate(withoutParserExtensions(key) as JsonObject, kafka.key)).toBe(true);
      expect(JSON.parse(kafka.value)).toEqual(samplePayload);
    }
  });
});
