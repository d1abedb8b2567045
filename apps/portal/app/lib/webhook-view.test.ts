import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import type { WebhookDelivery, WebhookSubscription } from "./api-types";
import { readWebhookFilters, webhookDeliveriesInputOf, webhookStatusParams } from "./webhook-filters";
import { displayCallback, webhookDeliveryRowOf, webhookSubscriptionRowOf } from "./webhook-view";

const ID = "3f1d2c4b-5a69-4d7e-8f90-a1b2c3d4e5f6";
const organisation = { id: ID, name: "Sociaal Wijkteam Haarlem" };

describe("displayCallback", () => {
  it("shows scheme, host and path, never credentials, a query or a fragment", () => {
    expect(displayCallback("https://hooks.wijkteam.example:8443/ketenportaal/in?token=geheim#x")).toBe(
      "https://hooks.wijkteam.example:8443/ketenportaal/in",
    );
    expect(displayCallback("https://gebruiker:wachtwoord@hooks.example/in")).toBe("https://hooks.example/in");
    expect(displayCallback("geen url")).toBe("—");
  });
});

describe("webhook rows", () => {
  const subscription: WebhookSubscription = {
    id: ID,
    organisation,
    callbackUrl: "https://hooks.wijkteam.example/in?sleutel=abc",
    contactEmail: "koppelingen@wijkteam.example",
    eventTypes: [],
    municipalityCodes: [],
    teamIds: [],
    status: "suspended",
    activatedAt: new Date("2026-11-20T09:00:00Z"),
    consecutiveFailures: 25,
    lastFailureAt: new Date("2026-11-25T09:05:00Z"),
    suspendedAt: new Date("2026-11-25T09:05:00Z"),
    createdAt: new Date("2026-11-20T09:00:00Z"),
    updatedAt: new Date("2026-11-25T09:05:00Z"),
    deliveries: { pending: 3, delivered: 40, failed: 2 },
  };

  it("says in Dutch, in Amsterdam time, how an abonnement is doing, without the query of its address", () => {
    expect(webhookSubscriptionRowOf(subscription)).toEqual({
      id: ID,
      organisation: "Sociaal Wijkteam Haarlem",
      callback: "https://hooks.wijkteam.example/in",
      status: "suspended",
      failures: 25,
      lastFailureAt: "25 november 2026 om 10:05",
      deliveries: "3 wachtend, 40 afgeleverd, 2 geparkeerd",
    });
    expect(webhookSubscriptionRowOf({ ...subscription, lastFailureAt: null }).lastFailureAt).toBe("Nooit");
  });

  const delivery: WebhookDelivery = {
    id: ID,
    subscriptionId: ID,
    organisation,
    callbackUrl: "https://hooks.wijkteam.example/in",
    eventId: ID,
    eventType: "nl.ketenportaal.handover.offered.v1",
    aggregateId: ID,
    status: "failed",
    attempts: 10,
    nextAttemptAt: new Date("2026-11-25T09:05:00Z"),
    lastStatusCode: 503,
    lastError: null,
    createdAt: new Date("2026-11-25T06:00:00Z"),
    deliveredAt: null,
    failedAt: new Date("2026-11-25T09:05:00Z"),
  };

  it("offers a re-send only for a parked delivery, and names the receiver's last answer", () => {
    expect(webhookDeliveryRowOf(delivery)).toMatchObject({
      status: "failed",
      lastResult: "HTTP 503",
      createdAt: "25 november 2026 om 07:00",
      finishedAt: "25 november 2026 om 10:05",
      canResend: true,
    });
    const waiting = webhookDeliveryRowOf({
      ...delivery,
      status: "pending",
      attempts: 2,
      lastStatusCode: null,
      lastError: "ECONNREFUSED",
      failedAt: null,
    });
    expect(waiting).toMatchObject({
      lastResult: "ECONNREFUSED",
      finishedAt: "Volgende poging 25 november 2026 om 10:05",
      canResend: false,
    });
    expect(
      webhookDeliveryRowOf({ ...delivery, status: "delivered", lastStatusCode: null, failedAt: null }),
    ).toMatchObject({ lastResult: "Nog geen", finishedAt: "Nog niet", canResend: false });
  });
});

describe("readWebhookFilters", () => {
  it("maps the Dutch status in the address to the API's and keeps only ids", () => {
    expect(webhookDeliveriesInputOf(readWebhookFilters(new URLSearchParams("status=geparkeerd")))).toEqual({
      limit: 50,
      status: "failed",
    });
    expect(
      webhookDeliveriesInputOf(
        readWebhookFilters(new URLSearchParams(`status=afgeleverd&abonnement=${ID}&pagina=${ID}`)),
      ),
    ).toEqual({ limit: 50, status: "delivered", subscriptionId: ID, cursor: ID });
    expect(readWebhookFilters(new URLSearchParams("status=failed&abonnement=x&pagina=toString"))).toEqual({
      status: "",
      subscriptionId: "",
      cursor: "",
    });
  });

  it("offers every status the catalogue names", () => {
    expect(Object.values(webhookStatusParams).sort()).toEqual(Object.keys(nl.webhookDeliveryStatus).sort());
  });
});
