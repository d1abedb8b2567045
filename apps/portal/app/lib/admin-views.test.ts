import { describe, expect, it } from "vitest";
import { adminPagesFor } from "./admin-pages";
import type { MailMessage, OutboxEvent } from "./api-types";
import { mailRowOf } from "./mail-view";
import { outboxEventRowOf } from "./outbox-event-view";

const ID = "3f1d2c4b-5a69-4d7e-8f90-a1b2c3d4e5f6";

describe("adminPagesFor", () => {
  it("lists the organisations, teams and people, the outbox, the e-mail queue, the partner systems, retention, the continuity plan, the audit log, the webhooks, the regions and the wachtlijst contact frequencies for the functioneel beheerder", () => {
    expect(adminPagesFor(["functional_admin"]).map((page) => page.path)).toEqual([
      "/beheer/organisaties",
      "/beheer/teams",
      "/beheer/mensen",
      "/beheer/gebeurtenissen",
      "/beheer/e-mail",
      "/beheer/koppelingen",
      "/beheer/bewaartermijnen",
      "/beheer/continuiteitsplan",
      "/beheer/audit-log",
      "/beheer/webhooks",
      "/beheer/regios",
      "/beheer/contactfrequenties",
    ]);
    // A partner coördinator manages the notification address of their own teams and their own people.
    expect(adminPagesFor(["partner_coordinator"]).map((page) => page.path)).toEqual([
      "/beheer/teams",
      "/beheer/mensen",
    ]);
  });
});

describe("outboxEventRowOf", () => {
  const event: OutboxEvent = {
    id: ID,
    position: 42,
    eventType: "nl.ketenportaal.handover.offered.v1",
    aggregateType: "handover",
    aggregateId: ID,
    sequence: 2,
    topic: "ketenportaal.handovers.local-teams",
    createdAt: new Date("2026-11-25T09:05:00Z"),
    publishedAt: null,
    attempts: 0,
    payload: { handoverId: ID, status: "offered" },
  };

  it("says in Dutch, in Amsterdam time, whether and when it was published", () => {
    const row = outboxEventRowOf(event);
    expect(row).toMatchObject({ aggregateType: "Overdracht", createdAt: "25 november 2026 om 10:05" });
    expect(row.published).toBe("Nog niet");
    expect(row.isPublished).toBe(false);
    expect(JSON.parse(row.payload)).toEqual(event.payload);
    const published = outboxEventRowOf({ ...event, publishedAt: new Date("2026-11-25T09:06:00Z") });
    expect(published.published).toBe("Ja, op 25 november 2026 om 10:06");
  });

  it("shows an aggregate type it has no word for as the API names it", () => {
    expect(outboxEventRowOf({ ...event, aggregateType: "vv_trajectory" }).aggregateType).toBe("vv_trajectory");
  });
});

describe("mailRowOf", () => {
  const message: MailMessage = {
    id: ID,
    toAddress: "team@swt-haarlem.example",
    subject: "Nieuwe overdracht aangeboden",
    status: "failed",
    createdAt: new Date("2026-11-25T09:05:00Z"),
    sentAt: null,
    failedAt: new Date("2026-11-25T12:00:00Z"),
    nextAttemptAt: new Date("2026-11-25T13:00:00Z"),
    attempts: 8,
    lastError: "ECONNECTION",
    messageId: `<${ID}@ketenportaal>`,
  };

  it("offers a retry for a failed message only", () => {
    expect(mailRowOf(message)).toMatchObject({ canRetry: true, sentAt: "Nog niet", lastError: "ECONNECTION" });
    const sent = mailRowOf({ ...message, status: "sent", sentAt: new Date("2026-11-25T09:06:00Z"), lastError: null });
    expect(sent).toMatchObject({ canRetry: false, sentAt: "25 november 2026 om 10:06", lastError: "Geen" });
    expect(mailRowOf({ ...message, status: "pending" }).canRetry).toBe(false);
  });
});
