import { seedDemoRegion } from "@ketenportaal/api";
import { callerForUser, createTestClock } from "@ketenportaal/api/testing";
import { executeRows, mailOutbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { createMailTransport, type MailTransport, messageIdOf } from "@ketenportaal/mail";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../../tests/support/free-port";
import { type SmtpServerHandle, startSmtpServer } from "../../../../tests/support/smtp";
import { type RunningBridge, startBridge } from "../bridge";
import { measureMailBacklog } from "./deliver-mail";
import { createMailDeliveryTask } from "./mail-delivery-task";

const MINUTE = 60_000;
const clock = createTestClock("2026-11-30T09:00:00Z");
const partners = [
  { team: "Wijkteam Haarlem", municipality: "GM0392", email: "medewerker@swt-haarlem.example" },
  { team: "CJG Haarlemmermeer", municipality: "GM0394", email: "medewerker@cjg-haarlemmermeer.example" },
  { team: "Wijkteam Velsen", municipality: "GM0453", email: "medewerker@wijkteam-velsen.example" },
];

let test: TestDatabase;
let smtp: SmtpServerHandle | undefined;
let transport: MailTransport | undefined;
let bridge: RunningBridge | undefined;

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
});
afterAll(async () => {
  await bridge?.stop();
  transport?.close();
  await smtp?.stop();
  await test?.drop();
});

type Caller = Awaited<ReturnType<typeof callerForUser>>;

/**
 * One household's handover from draft to its end, through the API as the portal and the partner would do it:
 * offered (an e-mail to the team), then accepted, started and completed (two e-mails to the VT worker), or declined
 * (one). Returns the e-mail each step must cause, as template → address.
 */
async function handOver(options: { vt: Caller; partner: Caller; index: number; teamId: string; contactId: string }) {
  const { vt, partner, index } = options;
  const target = partners[index % partners.length] ?? partners[0];
  const created = await vt.case.create({
    reference: `VT-MAIL-${index}`,
    municipalityCode: target?.municipality ?? "",
    reportedAt: new Date("2026-11-23T08:00:00Z"),
    safetyAssessmentCompleted: true,
    conclusion: "Conclusie",
    persons: [{ role: "child", name: `Kind ${index}`, birthYear: 2015, spokenStatus: "spoken" }],
  });
  let handover = await vt.handover.create({
    caseId: created.id,
    targetTeamId: options.teamId,
    concerns: "Zorgen",
    safetyConditions: "Voorwaarden",
    householdView: "Visie",
    vtContactUserId: options.contactId,
    vtJoinsFirstVisit: false,
  });
  handover = await vt.handover.offer({ id: handover.id, version: handover.version });
  if (index % 4 === 3) {
    await partner.handover.decline({ id: handover.id, version: handover.version, reasonCode: "no_capacity" });
    return { handoverId: handover.id, templates: ["handover_offered", "handover_declined"] };
  }
  handover = await partner.handover.accept({ id: handover.id, version: handover.version });
  handover = await partner.handover.start({ id: handover.id, version: handover.version, firstContactOn: "2026-11-30" });
  await partner.handover.complete({ id: handover.id, version: handover.version, outcomeCode: "help_started" });
  return { handoverId: handover.id, templates: ["handover_offered", "handover_accepted", "handover_completed"] };
}

describe("e-mail while the SMTP server is down under load, and after it is back", () => {
  it("delivers every e-mail exactly once per recipient and event, loses none and gives none up", async () => {
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const callers = await Promise.all(partners.map((p) => callerForUser({ db: test.db, email: p.email, clock })));
    const options = await vt.handover.formOptions();
    const teamIds = partners.map((p) => options.teams.find((t) => t.name === p.team)?.id ?? "");
    const contactId = options.vtContacts[0]?.id ?? "";
    const lifecycles = (from: number, to: number) =>
      Promise.all(
        partners.map(async (_, p) => {
          const done = [];
          for (let index = from + p; index < to; index += partners.length) {
            done.push(
              await handOver({ vt, partner: callers[p] as Caller, index, teamId: teamIds[p] ?? "", contactId }),
            );
          }
          return done;
        }),
      ).then((lists) => lists.flat());

    // The mail server's port, with nobody listening: every connection is refused.
    const port = await findFreePort();
    transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailDir: "/nonexistent",
      from: "Ketenportaal <noreply@ketenportaal.example>",
      timeoutMs: 1000,
    });
    const lines: { level: string; message: string | undefined }[] = [];
    const logger = {
      info: (_: object, message?: string) => lines.push({ level: "info", message }),
      error: (_: object, message?: string) => lines.push({ level: "error", message }),
    };
    // The task's clock runs ahead on request, so the backoff (30 s, 1 min, …) passes without waiting for it.
    let aheadMs = 0;
    const task = createMailDeliveryTask({
      transport,
      logger,
      clock: () => new Date(Date.now() + aheadMs),
      batchSize: 20,
    });
    bridge = startBridge({ db: test.db, logger, pollIntervalMs: 50, tasks: [task] });

    const rowsNow = () => test.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));
    const triedAtLeast = async (attempts: number) =>
      (await rowsNow()).filter((row) => row.attempts < attempts || row.nextAttemptAt.getTime() <= Date.now() + aheadMs)
        .length;

    // Down: the households of the first half go through their steps while delivery fails.
    const whileDown = await lifecycles(0, 45);
    await expect.poll(() => triedAtLeast(1), { timeout: 20_000, interval: 100 }).toBe(0);
    aheadMs += 10 * MINUTE; // past the first backoff: every row is tried, and refused, again
    await expect.poll(() => triedAtLeast(2), { timeout: 20_000, interval: 100 }).toBe(0);
    const waiting = await rowsNow();
    expect(waiting.every((row) => row.sentAt === null && row.failedAt === null && row.lastError?.startsWith("E"))).toBe(
      true,
    );
    expect(lines.filter((l) => l.level === "error")).toEqual([
      { level: "error", message: "e-mail cannot be delivered; messages wait with a backoff" },
    ]);

    // Up: the server returns on that port; the second half of the households goes on meanwhile.
    smtp = await startSmtpServer({ port });
    const whileUp = lifecycles(45, 90);
    aheadMs += 60 * MINUTE; // every backoff so far has passed
    const afterOutage = [...whileDown, ...(await whileUp)];
    await expect
      .poll(async () => (await measureMailBacklog({ db: test.db })).pending, { timeout: 60_000, interval: 100 })
      .toBe(0);
    const rows = await rowsNow();
    await smtp.waitForMessages({ count: rows.length, timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show up
    await bridge.stop();
    bridge = undefined;

    // What the transitions had to cause: one row per recipient and event, nothing more, nothing less.
    const expectedRows = afterOutage.flatMap(({ handoverId, templates }) =>
      templates.map((template) => `${handoverId} ${template}`),
    );
    expect(rows.map((row) => `${row.handoverId} ${row.template}`).sort()).toEqual(expectedRows.sort());
    expect(new Set(rows.map((row) => `${row.handoverId} ${row.template} ${row.toAddress}`)).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(240);

    // Every row sent once: its Message-ID exactly once at the server, to its own address; none given up.
    const messages = smtp.messages;
    expect(messages).toHaveLength(rows.length);
    const byMessageId = new Map(messages.map((m) => [m.parsed.messageId, m]));
    expect(byMessageId.size).toBe(rows.length);
    for (const row of rows) {
      const mail = byMessageId.get(messageIdOf(row.id));
      expect(mail?.envelope.to, row.id).toEqual([row.toAddress]);
      expect(mail?.subject).toBe(row.subject);
      expect(row).toMatchObject({ failedAt: null, messageId: messageIdOf(row.id), lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    const triedWhileDown = new Set(whileDown.map((h) => h.handoverId));
    const down = rows.filter((row) => row.handoverId && triedWhileDown.has(row.handoverId));
    expect(down.every((row) => row.attempts >= 3 && row.attempts < 8)).toBe(true);
    expect(lines.map((l) => l.message).filter((m) => m?.startsWith("e-mail"))).toEqual([
      "e-mail cannot be delivered; messages wait with a backoff",
      "e-mail is delivered again",
    ]);
    const failed = await executeRows(test.db, sql`select id from mail_outbox where failed_at is not null`);
    expect(failed).toEqual([]);
    const attempts = down.map((row) => row.attempts);
    console.info(
      `mail: ${rows.length} e-mails, ${down.length} waited through the outage ` +
        `(${Math.min(...attempts)}–${Math.max(...attempts)} attempts)`,
    );
  }, 120_000);
});
