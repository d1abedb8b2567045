import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { retryFailedMail } from "@ketenportaal/api";
import { createDatabase, type Database, mailOutbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { createMailTransport, type MailTransport } from "@ketenportaal/mail";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../tests/support/free-port";
import { type SmtpServerHandle, startSmtpServer } from "../../../../tests/support/smtp";
import { deliverPendingMail, MAIL_CLAIM_LEASE_MS, measureMailBacklog, messageIdOf } from "./deliver-mail";
import { createMailDeliveryTask } from "./mail-delivery-task";

const HOUR = 60 * 60 * 1000;

let test: TestDatabase;
let smtp: SmtpServerHandle;
const transports: MailTransport[] = [];
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  [test, smtp] = await Promise.all([createTestDatabase(), startSmtpServer()]);
});
afterAll(async () => {
  await smtp?.stop();
  await test?.drop();
});
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await test.db.delete(mailOutbox);
  smtp.clear();
});

async function queue(count: number, db: Database = test.db) {
  const rows = Array.from({ length: count }, (_, i) => ({
    toAddress: `team${i}@partner.example`,
    template: "handover_offered",
    subject: `Ketenportaal: Nieuwe overdracht aangeboden (${i})`,
    bodyText: `Bekijk de overdracht ${i}.`,
    bodyHtml: `<p>Bekijk de overdracht ${i}.</p>`,
  }));
  return db.insert(mailOutbox).values(rows).returning({ id: mailOutbox.id, toAddress: mailOutbox.toAddress });
}

/** Short timeouts: an unreachable server must fail the test's attempt in about a second. */
function smtpTransport(url: string) {
  const transport = createMailTransport({
    smtpUrl: url,
    mailDir: "/nonexistent",
    from: "Ketenportaal <noreply@ketenportaal.example>",
    timeoutMs: 1000,
  });
  transports.push(transport);
  return transport;
}

const allRows = () => test.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));

describe("deliverPendingMail", () => {
  it("sends each due row once — stored subject, text, address, stable Message-ID — and nothing on a second run", async () => {
    const queued = await queue(3);
    const transport = smtpTransport(smtp.url);
    const now = new Date();
    expect(await deliverPendingMail({ db: test.db, transport, now })).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    expect(await deliverPendingMail({ db: test.db, transport, now })).toMatchObject({ claimed: 0, sent: 0 });

    const received = await smtp.waitForMessages({ count: 3 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.messages).toHaveLength(3);
    for (const [i, row] of queued.entries()) {
      const mail = received.find((m) => m.parsed.messageId === messageIdOf(row.id));
      expect(mail?.to).toEqual([row.toAddress]);
      expect(mail?.envelope.to).toEqual([row.toAddress]);
      expect(mail?.subject).toBe(`Ketenportaal: Nieuwe overdracht aangeboden (${i})`);
      expect(mail?.text.trim()).toBe(`Bekijk de overdracht ${i}.`);
      expect(mail?.html).toContain(`<p>Bekijk de overdracht ${i}.</p>`);
    }
    for (const row of await allRows()) {
      expect(row).toMatchObject({ sentAt: now, messageId: messageIdOf(row.id), attempts: 1, lastError: null });
    }
  });

  it("lets two deliverers side by side send 200 rows, each exactly once", async () => {
    await queue(200);
    const drain = async (transport: MailTransport) => {
      for (;;) {
        const result = await deliverPendingMail({ db: test.db, transport, now: new Date(), batchSize: 10 });
        if (result.claimed === 0) return result;
      }
    };
    await Promise.all([drain(smtpTransport(smtp.url)), drain(smtpTransport(smtp.url))]);
    await smtp.waitForMessages({ count: 200 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ids = smtp.messages.map((m) => m.parsed.messageId);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    const rows = await allRows();
    expect(new Set(rows.map((r) => messageIdOf(r.id)))).toEqual(new Set(ids));
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
  });

  it("keeps rows with a backoff while SMTP is down, and delivers each once when it is back", async () => {
    const port = await findFreePort();
    let server = await startSmtpServer({ port });
    await server.stop();
    await queue(5);
    const transport = smtpTransport(server.url); // one transport throughout: its pool must reconnect
    const now = new Date();

    const down = await deliverPendingMail({ db: test.db, transport, now });
    expect(down).toMatchObject({ claimed: 5, sent: 0, failed: 5, givenUp: 0 });
    expect(down.outage).toMatch(/^E[A-Z]+/);
    const waiting = await allRows();
    for (const row of waiting) {
      expect(row).toMatchObject({ sentAt: null, failedAt: null, attempts: 1, lastError: down.outage });
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(30_000);
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBeLessThanOrEqual(36_000);
    }
    expect(await measureMailBacklog({ db: test.db })).toMatchObject({ pending: 5, failed: 0 });

    server = await startSmtpServer({ port });
    cleanups.push(() => server.stop());
    // Not due yet: nothing is tried.
    expect(await deliverPendingMail({ db: test.db, transport, now })).toMatchObject({ claimed: 0 });
    const later = new Date(now.getTime() + 40_000);
    expect(await deliverPendingMail({ db: test.db, transport, now: later })).toMatchObject({ sent: 5, outage: null });
    await server.waitForMessages({ count: 5 });
    expect(await deliverPendingMail({ db: test.db, transport, now: new Date(later.getTime() + HOUR) })).toMatchObject({
      claimed: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(new Set(server.messages.map((m) => m.parsed.messageId)).size).toBe(5);
    expect(server.messages).toHaveLength(5);
    expect((await allRows()).every((r) => r.sentAt?.getTime() === later.getTime() && r.attempts === 2)).toBe(true);
  });

  it("gives up after the maximum attempts, says so once with ids only, and sends again when a beheerder asks", async () => {
    const [row] = await queue(1);
    const id = row?.id ?? "";
    const down = smtpTransport(`smtp://127.0.0.1:${await findFreePort()}`);
    const lines: string[] = [];
    const logger = {
      info: () => {},
      error: (object: object, message?: string) => lines.push(JSON.stringify([object, message])),
    };
    let now = Date.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await deliverPendingMail({
        db: test.db,
        transport: down,
        now: new Date(now),
        maxAttempts: 3,
        logger,
      });
      expect(result.givenUp).toBe(attempt === 3 ? 1 : 0);
      now += 2 * HOUR;
    }
    const [failed] = await test.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(failed).toMatchObject({ attempts: 3, sentAt: null });
    expect(failed?.failedAt).not.toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(id);
    expect(lines[0]).not.toContain("partner.example");
    expect(lines[0]).not.toContain("overdracht");
    // Failed rows are never tried again on their own.
    expect(await deliverPendingMail({ db: test.db, transport: down, now: new Date(now + HOUR) })).toMatchObject({
      claimed: 0,
    });
    expect(await measureMailBacklog({ db: test.db })).toMatchObject({ pending: 0, failed: 1 });

    expect(await retryFailedMail({ db: test.db, id, now: new Date(now) })).toBe(true);
    expect(await measureMailBacklog({ db: test.db })).toMatchObject({ pending: 1, failed: 0 });
    const up = smtpTransport(smtp.url);
    expect(await deliverPendingMail({ db: test.db, transport: up, now: new Date(now) })).toMatchObject({ sent: 1 });
    const [mail] = await smtp.waitForMessages({ count: 1 });
    expect(mail?.parsed.messageId).toBe(messageIdOf(id));
    expect(await retryFailedMail({ db: test.db, id })).toBe(false); // sent, not failed
  });

  it("lets a refused recipient wait without holding up the others", async () => {
    const [bounce] = await queue(3);
    const real = smtpTransport(smtp.url);
    const transport: MailTransport = {
      ...real,
      send: (mail) =>
        mail.to === bounce?.toAddress
          ? Promise.reject(
              Object.assign(new Error(`550 <${mail.to}>: no such user`), { code: "EENVELOPE", responseCode: 550 }),
            )
          : real.send(mail),
    };
    const result = await deliverPendingMail({ db: test.db, transport, now: new Date() });
    expect(result).toMatchObject({ claimed: 3, sent: 2, failed: 1, outage: null });
    const [refused] = await test.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, bounce?.id ?? ""));
    expect(refused).toMatchObject({ sentAt: null, failedAt: null, lastError: "EENVELOPE 550" });
  });

  it("after a crash between send and commit, sends again with the same Message-ID once the claim lapses", async () => {
    const [row] = await queue(1);
    const real = smtpTransport(smtp.url);
    // The process "dies" right after the server accepted the message: the row is never marked sent.
    const dying: MailTransport = { ...real, send: (mail) => real.send(mail).then(() => new Promise(() => {})) };
    const now = new Date();
    void deliverPendingMail({ db: test.db, transport: dying, now });
    // A loaded CI machine once needed more than the default 10 s for this first delivery.
    await smtp.waitForMessages({ count: 1, timeoutMs: 25_000 });

    // No lock is held while the first deliverer hangs, and the claim keeps others away until it lapses.
    expect(await deliverPendingMail({ db: test.db, transport: real, now })).toMatchObject({ claimed: 0 });
    const lapsed = new Date(now.getTime() + MAIL_CLAIM_LEASE_MS + 1);
    expect(await deliverPendingMail({ db: test.db, transport: real, now: lapsed })).toMatchObject({ sent: 1 });
    const messages = await smtp.waitForMessages({ count: 2 });
    expect(messages.map((m) => m.parsed.messageId)).toEqual([messageIdOf(row?.id ?? ""), messageIdOf(row?.id ?? "")]);
  });

  it("writes one .eml file per row with the directory transport", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-bridge-mail-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const queued = await queue(4);
    const transport = createMailTransport({ mailDir: join(dir, "mail"), from: "noreply@ketenportaal.example" });
    transports.push(transport);
    expect(await deliverPendingMail({ db: test.db, transport, now: new Date() })).toMatchObject({ sent: 4 });
    const files = readdirSync(join(dir, "mail")).sort();
    expect(files).toEqual(queued.map((r) => `${r.id}@ketenportaal.eml`).sort());
    const first = queued[0];
    const eml = readFileSync(join(dir, "mail", `${first?.id}@ketenportaal.eml`), "utf8");
    expect(eml).toContain(`To: ${first?.toAddress}`);
    expect(eml).toContain(`Message-ID: ${messageIdOf(first?.id ?? "")}`);
  });
});

describe("the mail delivery task", () => {
  it("logs once when the server goes away and once when it is back, never an address or a subject", async () => {
    const port = await findFreePort();
    let server = await startSmtpServer({ port });
    await server.stop();
    const lines: { level: string; object: object; message?: string | undefined }[] = [];
    const logger = {
      info: (object: object, message?: string) => lines.push({ level: "info", object, message }),
      error: (object: object, message?: string) => lines.push({ level: "error", object, message }),
    };
    let now = Date.now();
    const task = createMailDeliveryTask({
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      logger,
      clock: () => new Date(now),
      batchSize: 2,
    });
    const signal = new AbortController().signal;
    await queue(5);
    for (let tick = 0; tick < 4; tick++) {
      await task.run({ db: test.db, signal });
      now += 10 * 60 * 1000;
    }
    expect(lines.map((l) => l.level)).toEqual(["error"]);
    expect((await allRows()).every((r) => r.sentAt === null && r.attempts >= 1)).toBe(true);

    server = await startSmtpServer({ port });
    cleanups.push(() => server.stop());
    now += 2 * HOUR;
    await task.run({ db: test.db, signal }); // drains every due row, batch after batch
    await task.run({ db: test.db, signal });
    expect(lines.map((l) => l.level)).toEqual(["error", "info"]);
    expect(await measureMailBacklog({ db: test.db })).toMatchObject({ pending: 0, failed: 0 });
    await server.waitForMessages({ count: 5 });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain("partner.example");
    expect(logged).not.toContain("overdracht");
  });
});

describe("on the embedded database", () => {
  let dataDir: string;
  let handle: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kp-bridge-pglite-"));
    handle = await createDatabase({ dataDir });
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps no transaction open while the mail server is slow, so the portal's queries do not wait", async () => {
    // Accepts connections and never greets: each send waits for the greeting timeout.
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailDir: "/nonexistent",
      from: "noreply@ketenportaal.example",
      timeoutMs: 4000,
    });
    transports.push(transport);
    await queue(2, handle.db);

    const delivering = deliverPendingMail({ db: handle.db, transport, now: new Date() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await handle.db.execute(sql`select count(*) from mail_outbox`);
    // A transaction held over the send would keep this query waiting for the rest of the 4 s greeting timeout;
    // the margin below that is for a loaded CI machine.
    expect(Date.now() - started).toBeLessThan(2000);

    expect(await delivering).toMatchObject({ claimed: 2, sent: 0, failed: 2, outage: expect.stringMatching(/^E/) });
    const rows = await handle.db.select().from(mailOutbox);
    expect(rows.every((r) => r.attempts === 1 && r.sentAt === null && r.lastError !== null)).toBe(true);
  });
});
