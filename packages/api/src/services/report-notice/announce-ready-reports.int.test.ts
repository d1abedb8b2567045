import { executeRows, memberships, organisations, users } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApiConfig } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { createDeadlineWatchTask } from "../handover/watch-deadlines";
import { announceReadyReports } from "./announce-ready-reports";

/**
 * The two-week report's "ready" e-mail as the bridge sends it: nothing before a fortnight the gemeente saw the end
 * of, one e-mail per active beleidsmedewerker of each gemeente once it ended — also with two bridges at once and
 * after a restart — none to partners or VT, and after an outage only the last fortnight.
 */

let test: TestDatabase;
const LINK = `${testApiConfig.publicUrl}/rapportages`;

type MailRow = { to_address: string; subject: string; body_text: string; body_html: string };
const reportMails = () =>
  executeRows<MailRow>(
    test.db,
    sql`select to_address, subject, body_text, body_html from mail_outbox where template = 'report_ready'
        order by to_address, created_at`,
  );

async function addPerson(options: {
  email: string;
  organisationSlug: string;
  role: "policy_officer";
  active?: boolean;
}) {
  const [organisation] = await executeRows<{ id: string }>(
    test.db,
    sql`select id from organisations where slug = ${options.organisationSlug}`,
  );
  if (!organisation) throw new Error(`no organisation ${options.organisationSlug}`);
  const [person] = await test.db
    .insert(users)
    .values({ email: options.email, name: `Persoon ${options.email}`, active: options.active ?? true })
    .onConflictDoNothing()
    .returning({ id: users.id });
  const [existing] = person
    ? [person]
    : await executeRows<{ id: string }>(test.db, sql`select id from users where email = ${options.email}`);
  if (!existing) throw new Error("no person");
  await test.db
    .insert(memberships)
    .values({ userId: existing.id, organisationId: organisation.id, role: options.role });
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  // Haarlem's gemeente exists from 20 November 2026: the fortnight that ended on the 15th is none of its business.
  await test.db.execute(
    sql`update organisations set created_at = '2026-11-20T09:00:00Z' where slug = 'gemeente-haarlem'`,
  );
  // A second, active and an inactive beleidsmedewerker; the same role given to people of a partner and of VT.
  await addPerson({
    email: "beleid2@gemeente-haarlem.example",
    organisationSlug: "gemeente-haarlem",
    role: "policy_officer",
  });
  await addPerson({
    email: "oud-beleid@gemeente-haarlem.example",
    organisationSlug: "gemeente-haarlem",
    role: "policy_officer",
    active: false,
  });
  await addPerson({ email: "medewerker@swt-haarlem.example", organisationSlug: "swt-haarlem", role: "policy_officer" });
  await addPerson({
    email: "medewerker@vt-kennemerland.example",
    organisationSlug: "vt-kennemerland",
    role: "policy_officer",
  });
  // Velsen's gemeente joins after the fortnight ended; a gemeente without a code and an inactive one never hear.
  await test.db.insert(organisations).values([
    {
      slug: "gemeente-velsen",
      name: "Gemeente Velsen",
      kind: "municipality",
      municipalityCode: "GM0453",
      createdAt: new Date("2026-11-30T12:00:00Z"),
    },
    {
      slug: "gemeente-zonder-code",
      name: "Gemeente zonder code",
      kind: "municipality",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
    {
      slug: "gemeente-opgeheven",
      name: "Gemeente opgeheven",
      kind: "municipality",
      municipalityCode: "GM0375",
      active: false,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
  ]);
  await addPerson({
    email: "beleid@gemeente-velsen.example",
    organisationSlug: "gemeente-velsen",
    role: "policy_officer",
  });
  await addPerson({
    email: "beleid@gemeente-zonder-code.example",
    organisationSlug: "gemeente-zonder-code",
    role: "policy_officer",
  });
  await addPerson({
    email: "beleid@gemeente-opgeheven.example",
    organisationSlug: "gemeente-opgeheven",
    role: "policy_officer",
  });
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

describe("the two-week report's ready e-mail", () => {
  it("sends nothing for a fortnight that ended before the gemeente existed", async () => {
    // Sunday 29 November 2026, 23:30 in Amsterdam: the fortnight of 16–29 November has not ended yet.
    const counts = await announceReadyReports({
      db: test.db,
      now: new Date("2026-11-29T22:30:00Z"),
      config: testApiConfig,
    });
    expect(counts).toEqual({ notices: 0, mails: 0 });
    expect(await reportMails()).toEqual([]);
  });

  it("once the fortnight ended, e-mails each active beleidsmedewerker once, with two bridges racing", async () => {
    // Monday 30 November, 00:05 in Amsterdam. Two bridges at once, then one restarted a minute later.
    const now = new Date("2026-11-29T23:05:00Z");
    const raced = await Promise.all([
      announceReadyReports({ db: test.db, now, config: testApiConfig }),
      announceReadyReports({ db: test.db, now, config: testApiConfig }),
    ]);
    expect(raced.reduce((sum, c) => sum + c.notices, 0)).toBe(1);
    expect(raced.reduce((sum, c) => sum + c.mails, 0)).toBe(2);
    expect(
      await announceReadyReports({ db: test.db, now: new Date("2026-11-29T23:06:00Z"), config: testApiConfig }),
    ).toEqual({ notices: 0, mails: 0 });

    const mails = await reportMails();
    expect(mails.map((m) => m.to_address)).toEqual([
      "beleid2@gemeente-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]);
    for (const mail of mails) {
      expect(mail.subject).toBe(
        "Ketenportaal: rapportage werkvoorraad 16 november 2026 tot en met 29 november 2026 staat klaar",
      );
      expect(mail.body_text).toContain(`${LINK}?van=2026-11-16&tot=2026-11-29`);
      // No person, no gemeente, no figure: the same text for everyone.
      const people = await executeRows<{ name: string; email: string }>(test.db, sql`select name, email from users`);
      const content = `${mail.subject}\n${mail.body_text}\n${mail.body_html}`;
      for (const person of people) {
        expect(content).not.toContain(person.name);
        expect(content).not.toContain(person.email);
      }
      expect(content).not.toMatch(/Haarlem|GM0392/);
    }

    const notices = await executeRows<{ slug: string; period_from: string; period_to: string }>(
      test.db,
      sql`select o.slug, n.period_from::text, n.period_to::text from report_notices n
          join organisations o on o.id = n.organisation_id`,
    );
    expect(notices).toEqual([{ slug: "gemeente-haarlem", period_from: "2026-11-16", period_to: "2026-11-29" }]);
    const audit = await executeRows<{ action: string; object_id: string; organisation_id: string }>(
      test.db,
      sql`select a.action, a.object_id, o.slug as organisation_id from audit_log a
          join organisations o on o.id = a.organisation_id where a.object_type = 'report_notice'`,
    );
    expect(audit).toEqual([
      { action: "create", object_id: "2026-11-16/2026-11-29", organisation_id: "gemeente-haarlem" },
    ]);
  });

  it("sends nothing again later in the next fortnight, through the bridge's watch task as well", async () => {
    const task = createDeadlineWatchTask({ config: testApiConfig, clock: () => new Date("2026-12-10T08:00:00Z") });
    await task.run({ db: test.db });
    expect(await reportMails()).toHaveLength(2);
  });

  it("after an outage tells about the last ended fortnight only, also the gemeente that joined since", async () => {
    // 20 January 2027: three fortnights have ended since; only 28 December – 10 January is announced.
    const task = createDeadlineWatchTask({ config: testApiConfig, clock: () => new Date("2027-01-20T08:00:00Z") });
    await task.run({ db: test.db });
    const notices = await executeRows<{ slug: string; period_from: string }>(
      test.db,
      sql`select o.slug, n.period_from::text from report_notices n join organisations o on o.id = n.organisation_id
          order by n.period_from, o.slug`,
    );
    expect(notices).toEqual([
      { slug: "gemeente-haarlem", period_from: "2026-11-16" },
      { slug: "gemeente-haarlem", period_from: "2026-12-28" },
      { slug: "gemeente-velsen", period_from: "2026-12-28" },
    ]);
    const latest = (await reportMails()).filter((m) => m.body_text.includes("van=2026-12-28&tot=2027-01-10"));
    expect(latest.map((m) => m.to_address).sort()).toEqual([
      "beleid2@gemeente-haarlem.example",
      "beleid@gemeente-haarlem.example",
      "beleid@gemeente-velsen.example",
    ]);
    const all = (await reportMails()).map((m) => m.to_address);
    for (const never of [
      "oud-beleid@gemeente-haarlem.example",
      "medewerker@swt-haarlem.example",
      "medewerker@vt-kennemerland.example",
      "beleid@gemeente-zonder-code.example",
      "beleid@gemeente-opgeheven.example",
    ]) {
      expect(all).not.toContain(never);
    }
  });
});
