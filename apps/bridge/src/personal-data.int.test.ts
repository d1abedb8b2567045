import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoCases, seedDemoRegion } from "@ketenportaal/api";
import { callerForUser, testApiConfig } from "@ketenportaal/api/testing";
import { createDatabase, type DatabaseHandle, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTopics } from "../../../tests/support/event-stream";
import { type KafkaMockHandle, startKafkaMock } from "../../../tests/support/kafka";
import { createPersonalDataScanner, type PersonalDataFinding } from "../../../tests/support/personal-data";
import { type SmtpServerHandle, startSmtpServer } from "../../../tests/support/smtp";
import { measureMailBacklog } from "./mail/deliver-mail";
import { measureOutboxBacklog } from "./relay/relay-outbox";
import { type RunningWorkers, startWorkers } from "./workers";

const VT = "medewerker@vt-kennemerland.example";
const SWT = "medewerker@swt-haarlem.example";
const CJG = "medewerker@cjg-haarlemmermeer.example";
const VELSEN = "medewerker@wijkteam-velsen.example";
const CHAIR_IJMOND = "coordinator.ijmond@vt-kennemerland.example";

let test: TestDatabase;
let kafka: KafkaMockHandle;
let smtp: SmtpServerHandle;
let database: DatabaseHandle | undefined;
let workers: RunningWorkers | undefined;

beforeAll(async () => {
  [test, kafka, smtp] = await Promise.all([createTestDatabase(), startKafkaMock({ brokers: 3 }), startSmtpServer()]);
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now: new Date(), config: testApiConfig });
});
afterAll(async () => {
  await workers?.stop();
  await database?.close();
  await smtp?.stop();
  await kafka?.stop();
  await test?.drop();
});

const drained = async () => {
  const [events, mail] = await Promise.all([
    measureOutboxBacklog({ db: test.db }),
    measureMailBacklog({ db: test.db }),
  ]);
  return { events: events.pending, mail: mail.pending, failed: mail.failed };
};

/** Every line the bridge logged while it worked, as it would have written them. */
const logLines: string[] = [];
const captureLog =
  (level: string) =>
  (...args: unknown[]) =>
    logLines.push(`${level} ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);

describe("what leaves the portal through Kafka, e-mail, the outbox and the log", () => {
  it("holds none of the households' names, birth years or BSNs, after every kind of transition", async () => {
    database = await createDatabase({ databaseUrl: test.url, poolSize: 4 });
    workers = await startWorkers({
      database,
      logger: { info: captureLog("info"), error: captureLog("error") },
      publicUrl: testApiConfig.publicUrl,
      kafkaBrokers: kafka.brokers,
      mail: { smtpUrl: smtp.url, mailDir: join(tmpdir(), "kp-unused-mail"), from: "noreply@ketenportaal.example" },
      pollIntervalMs: 50,
    });
    // The seed's events and e-mail go out, and the deadline watch has had its first look.
    await expect.poll(drained, { timeout: 30_000, interval: 100 }).toEqual({ events: 0, mail: 0, failed: 0 });

    // Every transition, through the API, with household names and birth years typed into every free text field.
    const callers = new Map(
      await Promise.all(
        [VT, SWT, CJG, VELSEN, CHAIR_IJMOND].map(
          async (email) => [email, await callerForUser({ db: test.db, email })] as const,
        ),
      ),
    );
    const caller = (email: string) => {
      const found = callers.get(email);
      if (!found) throw new Error(`no caller for ${email}`);
      return found;
    };
    const handover = async (reference: string) => {
      const [row] = await executeRows<{ id: string; version: number }>(
        test.db,
        sql`select h.id, h.version from handovers h join cases c on c.id = h.case_id where c.reference = ${reference}`,
      );
      if (!row) throw new Error(`no handover for ${reference}`);
      return { id: row.id, version: Number(row.version) };
    };
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const lifecycle = async (reference: string, partner: string, end: "complete" | "return") => {
      let h = await caller(partner).handover.accept(await handover(reference));
      h = await caller(partner).handover.start({ id: h.id, version: h.version, firstContactOn: today });
      if (end === "complete") {
        await caller(partner).handover.complete({
          id: h.id,
          version: h.version,
          outcomeCode: "referred_on",
          referredTo: "Sem de Wit en Ilse de Wit (1985) naar de GGZ",
        });
      } else {
        await caller(partner).handover.returnToVt({
          id: h.id,
          version: h.version,
          reasonText: "Gerrit Kok (geboren 1941) meldt nieuw geweld door Ton Kok, 1968.",
        });
      }
    };
    await lifecycle("VT-2026-0102", SWT, "complete");
    await lifecycle("VT-2026-0104", VELSEN, "return");
    await caller(CJG).handover.decline({
      ...(await handover("VT-2026-0103")),
      reasonCode: "other",
      reasonText: "Lina Yildiz (2019) en Derya Yildiz (1990) zijn al bij ons bekend.",
    });
    let h = await caller(SWT).handover.start({ ...(await handover("VT-2026-0105")), firstContactOn: today });
    await caller(SWT).handover.complete({ id: h.id, version: h.version, outcomeCode: "help_started" });
    await caller(CJG).handover.returnToVt({
      ...(await handover("VT-2026-0106")),
      reasonText: "Daan Peters en Sara Peters, geboren 2018 en 1992: veiligheid niet te garanderen.",
    });
    await caller(VELSEN).handover.complete({
      ...(await handover("VT-2026-0107")),
      outcomeCode: "household_unreachable",
    });
    h = await caller(VT).handover.offer(await handover("VT-2026-0112"));
    await caller(VT).handover.withdraw({
      id: h.id,
      version: h.version,
      reasonText: "Levi Hoekstra (2020) en Nina Hoekstra (1993) zijn verhuisd.",
    });
    await caller(VT).handover.withdraw({ ...(await handover("VT-2026-0101")), reasonText: "Noor Bakker, 2017." });
    // And a household registered through the API now, with a name the seed does not have.
    const options = await caller(VT).handover.formOptions();
    const created = await caller(VT).case.create({
      reference: "VT-2026-0199",
      municipalityCode: "GM0392",
      reportedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
      safetyAssessmentCompleted: true,
      conclusion:
        "Zoë van 't Hof-Bakker (2009, BSN 1112.22.333) en haar vader Jurre van 't Hof (1977) hebben hulp nodig.",
      persons: [
        { role: "child", name: "Zoë van 't Hof-Bakker", birthYear: 2009, bsn: "111 222 333", spokenStatus: "spoken" },
        { role: "parent", name: "Jurre van 't Hof", birthYear: 1977, bsn: "1234.56.782", spokenStatus: "spoken" },
      ],
    });
    h = await caller(VT).handover.create({
      caseId: created.id,
      targetTeamId: options.teams.find((t) => t.name === "Wijkteam Haarlem")?.id ?? "",
      concerns: "Zorgen om Zoë (2009).",
      safetyConditions: "Jurre van 't Hof zoekt hulp.",
      householdView: "Zoë en Jurre staan open voor hulp.",
      vtContactUserId: options.vtContacts[0]?.id ?? "",
      vtJoinsFirstVisit: true,
    });
    await caller(VT).handover.offer({ id: h.id, version: h.version });
    await lifecycle("VT-2026-0199", SWT, "return");

    // The IJmond overdrachtstafel of the demo: one more case on the agenda, every item decided, the meeting closed
    // (table events, and the final minutes by e-mail to every participant).
    const chair = caller(CHAIR_IJMOND);
    const table = (await chair.table.list({})).upcoming.find((t) => t.region.name === "IJmond");
    if (!table) throw new Error("no upcoming table for IJmond in the demo");
    const [ijmondCase] = await executeRows<{ id: string }>(
      test.db,
      sql`select id from cases where reference = 'VT-2026-0104'`,
    );
    await chair.table.addItem({
      meetingId: table.id,
      caseId: ijmondCase?.id ?? "",
      shortReason: "Gerrit Kok (1941) en Ton Kok (1968): nieuwe signalen",
    });
    for (const item of (await chair.table.get({ id: table.id })).items) {
      await chair.table.decide({
        id: item.id,
        version: item.version,
        kind: "vt_keeps",
        note: "Ellen Vos (1975), Tess de Graaf (2013) en Rob de Graaf (1980): VT onderzoekt verder.",
      });
    }
    const decided = await chair.table.get({ id: table.id });
    await chair.table.close({ id: decided.id, version: decided.version });

    // A V&V trajectory through its whole life, with the household's names, years and BSNs in every free text field.
    const [vvIds] = await executeRows<{ swt: string; swt_worker: string; vt_worker: string }>(
      test.db,
      sql`select (select id from organisations where slug = 'swt-haarlem') as swt,
                 (select id from users where email = ${SWT}) as swt_worker,
                 (select id from users where email = ${VT}) as vt_worker`,
    );
    if (!vvIds) throw new Error("demo people missing");
    const vvCase = await caller(VT).case.create({
      reference: "VT-2026-0198",
      municipalityCode: "GM0392",
      reportedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
      safetyAssessmentCompleted: true,
      conclusion: "Fenna Oosterbroek (2016) en Wessel Oosterbroek (1982, BSN 2495.66.758): V&V.",
      persons: [
        { role: "child", name: "Fenna Oosterbroek", birthYear: 2016, bsn: "999999102", spokenStatus: "spoken" },
        { role: "parent", name: "Wessel Oosterbroek", birthYear: 1982, bsn: "249566758", spokenStatus: "spoken" },
      ],
    });
    const trajectory = await caller(VT).vv.create({
      caseId: vvCase.id,
      partnerOrganisationId: vvIds.swt,
      partnerWorkerUserId: vvIds.swt_worker,
    });
    const condition = await caller(VT).vv.addCondition({
      trajectoryId: trajectory.id,
      text: "Wessel Oosterbroek (1982) zoekt hulp; BSN 249566758 bij de GGZ bekend.",
      owner: "household",
      dueOn: today,
      note: "Fenna (2016) gaat naar school.",
    });
    const other = await caller(SWT).vv.addCondition({
      trajectoryId: trajectory.id,
      text: "Wijkteam spreekt Fenna Oosterbroek wekelijks.",
      owner: "partner",
      dueOn: today,
    });
    await caller(SWT).vv.updateCondition({
      id: other.id,
      version: other.version,
      status: "met",
      note: "Fenna Oosterbroek (2016) gesproken.",
    });
    const moment = await caller(VT).vv.scheduleMonitoring({
      trajectoryId: trajectory.id,
      scheduledOn: today,
      attendeeUserIds: [vvIds.vt_worker, vvIds.swt_worker],
    });
    await caller(SWT).vv.recordMonitoring({
      id: moment.id,
      version: moment.version,
      outcome: "Wessel Oosterbroek (1982) en Fenna (2016) thuis gesproken.",
      assessments: [{ conditionId: condition.id, status: "met", note: "Wessel houdt zich aan de afspraak." }],
    });
    await caller(SWT).vv.addTimelineEntry({
      trajectoryId: trajectory.id,
      text: "Fenna Oosterbroek, geboren 2016, BSN 9999.99.102: rustig.",
    });
    const open = await caller(VT).vv.get({ id: trajectory.id });
    await caller(VT).vv.close({
      id: open.id,
      version: open.version,
      outcomeCode: "continued_by_partner",
      outcomeText: "Wijkteam blijft bij Wessel Oosterbroek (1982).",
      followUpOrganisationId: vvIds.swt,
      followUpUserId: vvIds.swt_worker,
    });

    await expect.poll(drained, { timeout: 30_000, interval: 100 }).toEqual({ events: 0, mail: 0, failed: 0 });
    await workers.stop();
    workers = undefined;

    // Everything that went out: every Kafka message of every topic, every e-mail the server received.
    const [{ events = 0, topics = [] } = {}] = await executeRows<{ events: number; topics: string[] }>(
      test.db,
      sql`select count(*)::int as events, array_agg(distinct topic) as topics from outbox`,
    );
    const messages = await readTopics({ brokers: kafka.brokers, topics });
    expect(new Set(messages.map((m) => m.headers.ce_id)).size).toBe(events);
    const [{ mails = 0 } = {}] = await executeRows<{ mails: number }>(
      test.db,
      sql`select count(*)::int as mails from mail_outbox where sent_at is not null`,
    );
    await smtp.waitForMessages({ count: mails });
    expect(smtp.messages).toHaveLength(mails);
    const types = new Set(messages.map((m) => m.headers.ce_type?.split(".").at(-2)));
    expect([...types].sort()).toEqual(
      expect.arrayContaining([
        "accepted",
        "closed",
        "completed",
        "decided",
        "declined",
        "offered",
        "returned",
        "started",
        "withdrawn",
      ]),
    );
    const vvTypes = new Set(messages.filter((m) => m.topic === "ketenportaal.vv").map((m) => m.headers.ce_type));
    expect(vvTypes.size).toBeGreaterThanOrEqual(5);
    expect(mails).toBeGreaterThanOrEqual(20);

    const persons = await executeRows<{ name: string; birth_year: number | null; bsn: string | null }>(
      test.db,
      sql`select name, birth_year, bsn from involved_persons`,
    );
    const publicWords = await executeRows<{ name: string }>(
      test.db,
      sql`select name from users union all select name from organisations union all select name from teams
          union all select name from municipalities union all select name from regions`,
    );
    const references = await executeRows<{ reference: string }>(test.db, sql`select reference from cases`);
    const scanner = createPersonalDataScanner({
      persons: persons.map((p) => ({ name: p.name, birthYear: p.birth_year, bsn: p.bsn })),
      publicWords: publicWords.map((w) => w.name),
      knownIdentifiers: references.map((r) => r.reference),
      // No nine-digit number that passes the elfproef belongs in anything that leaves, whoever's it is.
      anyBsn: true,
    });
    // The scanner is not blind to these households: each person's data, as the database holds it, is found.
    expect(persons.length).toBeGreaterThanOrEqual(25);
    expect(persons.filter((p) => p.bsn).length).toBeGreaterThanOrEqual(20);
    for (const person of persons) {
      const found = scanner.scan(JSON.stringify(person), "control").map((f) => `${f.kind}:${f.value}`);
      expect(found).toEqual(
        expect.arrayContaining([
          `name:${person.name}`,
          `birth year:${person.birth_year}`,
          ...(person.bsn ? [`bsn:${person.bsn}`] : []),
        ]),
      );
    }
    // And it sees a leak of each kind where this test looks: a Kafka value, an outbox payload, a log line.
    const [leaky] = persons.filter((p) => p.bsn);
    const injected = `{"note":"${leaky?.bsn?.replace(/(\d{4})(\d{2})(\d{3})/, "$1.$2.$3")}"}`;
    expect(scanner.scan(injected, "injected").map((f) => f.kind)).toEqual(["bsn", "any bsn"]);

    const findings: PersonalDataFinding[] = [];
    for (const m of messages) {
      const where = `kafka ${m.topic} ${m.headers.ce_id}`;
      findings.push(...scanner.scan(m.key, where), ...scanner.scan(m.value, where));
      for (const [name, value] of Object.entries(m.headers)) findings.push(...scanner.scan(`${name}: ${value}`, where));
    }
    // The outbox itself (every payload as stored, webhooks read it too) and the mail queue's rendered rows.
    const outboxRows = await executeRows<{ id: string; type: string; payload: unknown }>(
      test.db,
      sql`select id, event_type as type, payload from outbox`,
    );
    expect(outboxRows).toHaveLength(events);
    for (const row of outboxRows) findings.push(...scanner.scan(JSON.stringify(row), `outbox ${row.type} ${row.id}`));
    const mailRows = await executeRows<Record<string, unknown>>(test.db, sql`select * from mail_outbox`);
    for (const row of mailRows) findings.push(...scanner.scan(JSON.stringify(row), `mail_outbox ${String(row.id)}`));
    // Everything the bridge logged while relaying and delivering.
    expect(logLines.length).toBeGreaterThan(0);
    for (const [i, line] of logLines.entries()) findings.push(...scanner.scan(line, `bridge log line ${i + 1}`));
    for (const mail of smtp.messages) {
      const where = `mail ${mail.parsed.messageId}`;
      for (const [name, value] of mail.parsed.headers) {
        findings.push(...scanner.scan(`${name}: ${typeof value === "string" ? value : JSON.stringify(value)}`, where));
      }
      findings.push(
        ...scanner.scan(mail.subject, where),
        ...scanner.scan(mail.text, where),
        ...scanner.scan(mail.html ?? "", where),
        ...scanner.scan(mail.envelope.to.join(" "), where),
      );
    }
    expect(findings).toEqual([]);
    console.info(
      `personal data: ${messages.length} Kafka messages on ${topics.sort().join(", ")}, ${outboxRows.length} outbox ` +
        `payloads, ${mailRows.length} mail rows, ${smtp.messages.length} e-mails and ${logLines.length} bridge log lines ` +
        `scanned for ${persons.length} persons (${scanner.nameParts.length} name parts on their own, ` +
        `${persons.filter((p) => p.bsn).length} BSNs)`,
    );
  }, 120_000);
});
