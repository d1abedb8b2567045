import { describe, expect, it } from "vitest";
import { toCloudEvent } from "./cloudevent";
import { CLOUDEVENTS_JSON, generateWebhookSecret, toWebhookRequest, verifyWebhookRequest } from "./webhook";

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
const event = toCloudEvent({ record, apiBaseUrl: "https://ketenportaal.example" });

describe("webhook deliveries", () => {
  it("carry the Kafka event's attributes in structured mode, signed per Standard Webhooks", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const request = toWebhookRequest({ event, secret, now: new Date() });
    expect(request.headers["content-type"]).toBe(CLOUDEVENTS_JSON);
    expect(request.headers["webhook-id"]).toBe(record.id);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(request.body)).toMatchObject({
      specversion: "1.0",
      id: record.id,
      source: record.source,
      type: record.eventType,
      subject: record.aggregateId,
      sequence: "2",
      sequencetype: "Integer",
      dataref: `https://ketenportaal.example/api/v1/overdrachten/${record.aggregateId}`,
      data: record.payload,
    });
    const verified = verifyWebhookRequest({ secret, body: request.body, headers: request.headers });
    expect(verified).toMatchObject({ ok: true, event: { id: record.id } });
  });

  it("lets a receiver detect a forged signature, an altered body, another secret and a replay", () => {
    const secret = generateWebhookSecret();
    const request = toWebhookRequest({ event, secret, now: new Date() });
    const forged = { ...request.headers, "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")}` };
    expect(verifyWebhookRequest({ secret, body: request.body, headers: forged }).ok).toBe(false);
    const altered = request.body.replace("offered", "accepted");
    expect(verifyWebhookRequest({ secret, body: altered, headers: request.headers }).ok).toBe(false);
    expect(verifyWebhookRequest({ secret: generateWebhookSecret(), ...request }).ok).toBe(false);
    const old = toWebhookRequest({ event, secret, now: new Date(Date.now() - 10 * 60 * 1000) });
    expect(verifyWebhookRequest({ secret, ...old }).ok).toBe(false);
    expect(verifyWebhookRequest({ secret, body: request.body, headers: {} }).ok).toBe(false);
  });
});
