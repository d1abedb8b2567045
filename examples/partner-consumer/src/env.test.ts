import { describe, expect, it } from "vitest";
import { loadConsumerEnv } from "./env";

const api = { KETENPORTAAL_URL: "https://ketenportaal.example", KETENPORTAAL_TOKEN: "x".repeat(43) };

describe("loadConsumerEnv", () => {
  it("reads the Kafka mode by default, as before", () => {
    expect(loadConsumerEnv({ ...api, KAFKA_BROKERS: "a:9092,b:9092" })).toMatchObject({
      CONSUMER_MODE: "kafka",
      KAFKA_BROKERS: ["a:9092", "b:9092"],
      TOPIC: "ketenportaal.handovers.local-teams",
    });
    expect(() => loadConsumerEnv(api)).toThrow(/KAFKA_BROKERS/);
  });

  it("reads the webhook mode: registering needs the public callback URL and a contact mailbox", () => {
    expect(
      loadConsumerEnv({
        ...api,
        CONSUMER_MODE: "webhook",
        WEBHOOK_PUBLIC_URL: "https://registratie.wijkteam.example/ketenportaal/webhook",
        WEBHOOK_CONTACT_EMAIL: "koppelingen@wijkteam.example",
        WEBHOOK_EVENT_TYPES: "nl.ketenportaal.handover.offered.v1, nl.ketenportaal.handover.withdrawn.v1",
      }),
    ).toMatchObject({
      CONSUMER_MODE: "webhook",
      WEBHOOK_PORT: 8080,
      WEBHOOK_PATH: "/ketenportaal/webhook",
      WEBHOOK_EVENT_TYPES: ["nl.ketenportaal.handover.offered.v1", "nl.ketenportaal.handover.withdrawn.v1"],
    });
    expect(() => loadConsumerEnv({ ...api, CONSUMER_MODE: "webhook" })).toThrow(
      /WEBHOOK_PUBLIC_URL[\s\S]*WEBHOOK_CONTACT_EMAIL/,
    );
    // Registered before: the secret is enough.
    expect(loadConsumerEnv({ ...api, CONSUMER_MODE: "webhook", WEBHOOK_SECRET: "whsec_dGVzdA==" })).toMatchObject({
      WEBHOOK_SECRET: "whsec_dGVzdA==",
    });
    expect(() => loadConsumerEnv({ ...api, CONSUMER_MODE: "webhook", WEBHOOK_SECRET: "geheim" })).toThrow(/whsec_/);
    expect(() => loadConsumerEnv({ ...api, CONSUMER_MODE: "sms" })).toThrow(/CONSUMER_MODE/);
  });
});
