import { mailOutbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { createMailTransport } from "@ketenportaal/mail";
import { eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../tests/support/free-port";
import { type SmtpServerHandle, startSmtpServer } from "../../../../tests/support/smtp";
import { deliverPendingMail, measureMailBacklog, messageIdOf, retryFailedMail } from "./deliver-mail";

let test: TestDatabase;
let smtp: SmtpServerHandle;

beforeAll(async () => {
  [test, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
});
afterAll(async () => {
  await smtp?.stop();
  await test?.drop();
});
afterEach(async () => {
  await test.db.delete(mailOutbox);
  smtp.clear();
});

async function queue(count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({
    toAddress: `team${i % 5}@partner.example`,
    template: "handover_offered",
    subject: `Ketenportaal: Nieuwe overdracht aangeboden (${i})`,
    bodyText: `Bekijk de overdracht ${i}.`,
    bodyHtml: `<p>Bekijk de overdracht ${i}.</p>`,
  }));
  return test.db.insert(mailOutbox).values(rows).returning({ id: mailOutbox.id });
}

const transportTo = (url: string) =>
  createMailTransport({ smtpUrl: url, mailDir: "/nonexistent", from: "noreply@ketenportaal.example", timeoutMs: 1000 });

describe("e-mail delivery", () => {
  it("sends each due row once, with its stable Message-ID, and nothing on a second run", async () => {
    const [row] = await queue(1);
    const transport = transportTo(smtp.url);
    expect(await deliverPendingMail({ db: test.db, transport, now: new Date() })).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverPendingMail({ db: test.db, transport, now: new Date() })).toMatchObject({ sent: 0, failed: 0 });
    const [mail] = await smtp.waitForMessages({ count: 1 });
    expect(mail?.subject).toBe("Ketenportaal: Nieuwe overdracht aangeboden (0)");
    expect(mail?.to).toEqual(["team0@partner.example"]);
    expect(mail?.parsed.messageId).toBe(messageIdOf(row?.id ?? ""));
    transport.close();
  });

  it("lets two deliverers side by side send 100 rows exactly once", async () => {
    await queue(100);
    const a = transportTo(smtp.url);
    const b = transportTo(smtp.url);
    const drain = async (transport: ReturnType<typeof transportTo>) => {
      while ((await deliverPendingMail({ db: test.db, transport, now: new Date(), batchSize: 10 })).sent > 0) {}
    };
    await Promise.all([drain(a), drain(b)]);
    const messages = await smtp.waitForMessages({ count: 100 });
    expect(new Set(messages.map((m) => m.parsed.messageId)).size).toBe(100);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(100);
    a.close();
    b.close();
  });

  it("keeps rows with a backoff while SMTP is down, and delivers them once it is back", async () => {
    await queue(3);
    const down = transportTo(`smtp://127.0.0.1:${await findFreePort()}`);
    const now = new Date();
    expect(await deliverPendingMail({ db: test.db, transport: down, now })).toMatchObject({ sent: 0, failed: 3 });
    const waiting = await test.db.select().from(mailOutbox).where(isNull(mailOutbox.sentAt));
    expect(waiting).toHaveLength(3);
    expect(waiting.every((r) => r.attempts === 1 && r.nextAttemptAt > now && r.lastError)).toBe(true);
    expect(JSON.stringify(waiting.map((r) => r.lastError))).not.toContain("partner.example");
    // Not yet due again: nothing is tried.
    const up = transportTo(smtp.url);
    expect(await deliverPendingMail({ db: test.db, transport: up, now })).toMatchObject({ sent: 0, failed: 0 });
    const later = new Date(now.getTime() + 60 * 60 * 1000);
    expect(await deliverPendingMail({ db: test.db, transport: up, now: later })).toMatchObject({ sent: 3 });
    expect(await smtp.waitForMessages({ count: 3 })).toHaveLength(3);
    down.close();
    up.close();
  });

  it("gives up after the maximum attempts, and sends again when a beheerder asks", async () => {
    const [row] = await queue(1);
    const down = transportTo(`smtp://127.0.0.1:${await findFreePort()}`);
    let now = Date.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      now += 2 * 60 * 60 * 1000;
      await deliverPendingMail({ db: test.db, transport: down, now: new Date(now), maxAttempts: 3 });
    }
    const [failed] = await test.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, row?.id ?? ""));
    expect(failed?.failedAt).not.toBeNull();
    expect(await measureMailBacklog({ db: test.db })).toMatchObject({ pending: 0, failed: 1 });
    expect(await retryFailedMail({ db: test.db, id: row?.id ?? "", now: new Date(now) })).toBe(true);
    const up = transportTo(smtp.url);
    expect(await deliverPendingMail({ db: test.db, transport: up, now: new Date(now) })).toMatchObject({ sent: 1 });
    down.close();
    up.close();
  });
});
