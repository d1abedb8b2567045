import { describe, expect, it } from "vitest";
import { fromKafkaRecord, toCloudEvent, toKafkaRecord } from "./cloudevent";

const record = {
  id: "2b8f7c1e-4b1a-4c55-9d1e-6a0b5f2f9a01",
  aggregateType: "handover",
  aggregateId: "3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  eventType: "nl.ketenportaal.handover.offered.v1",
  source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
  sequence: 2,
  payload: { handoverId: "3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11", status: "offered" },
  createdAt: new Date("2026-11-30T09:00:00.000Z"),
};

describe("CloudEvents envelope", () => {
  it("follows the NL GOV profile", () => {
    const event = toCloudEvent({ record, apiBaseUrl: "https://ketenportaal.example/" });
    expect(event).toMatchObject({
      specversion: "1.0",
      id: record.id,
      source: record.source,
      type: "nl.ketenportaal.handover.offered.v1",
      subject: record.aggregateId,
      time: "2026-11-30T09:00:00.000Z",
      datacontenttype: "application/json",
      sequence: "2",
      sequencetype: "Integer",
      dataref: `https://ketenportaal.example/api/v1/overdrachten/${record.aggregateId}`,
    });
  });

  it("travels over Kafka in binary mode, keyed by the aggregate, and reads back unchanged", () => {
    const kafka = toKafkaRecord({ event: toCloudEvent({ record, apiBaseUrl: "https://ketenportaal.example" }) });
    expect(kafka.key).toBe(record.aggregateId);
    expect(kafka.headers).toMatchObject({
      ce_id: record.id,
      ce_specversion: "1.0",
      ce_type: record.eventType,
      ce_source: record.source,
      ce_subject: record.aggregateId,
      ce_sequence: "2",
      ce_sequencetype: "Integer",
    });
    expect(JSON.parse(kafka.value)).toEqual(record.payload);
    const back = fromKafkaRecord({ key: kafka.key, value: Buffer.from(kafka.value), headers: kafka.headers });
    expect(back.id).toBe(record.id);
    expect(back.data).toEqual(record.payload);
  });

  it("refuses an event the specification does not allow", () => {
    expect(() => toCloudEvent({ record: { ...record, source: "" }, apiBaseUrl: "https://x.example" })).toThrow();
  });
});
