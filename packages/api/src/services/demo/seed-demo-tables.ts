import { cases, type Database, organisations, regions, users, withRequest } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { toAmsterdamDate } from "@ketenportaal/domain";
import type { ApiConfig, AuthedContext } from "../../context";
import { buildUserPrincipal } from "../auth/sessions";
import { addAgendaItem, createMeeting } from "../table/manage-meetings";
import { addCondition, updateCondition } from "../vv/manage-conditions";
import { scheduleMonitoring } from "../vv/manage-monitoring";
import { openTrajectory } from "../vv/open-trajectory";
import { seedActor } from "./seed-demo-cases";

const DAY = 24 * 60 * 60 * 1000;
const VT = "medewerker@vt-kennemerland.example";

/** An upcoming overdrachtstafel per region, with cases whose handover stalled or still has to be decided. */
const demoTables = [
  {
    region: "haarlem-eo",
    chair: "coordinator.haarlem@vt-kennemerland.example",
    participants: ["swt-haarlem", "jb-kennemerland"],
    items: [
      { reference: "VT-2026-0112", shortReason: "Samen bepalen wie het gezin het beste kan oppakken" },
      { reference: "VT-2026-0102", shortReason: "Aanbod staat open; afstemmen of het wijkteam kan starten" },
    ],
  },
  {
    region: "haarlemmermeer",
    chair: "coordinator.haarlemmermeer@vt-kennemerland.example",
    participants: ["cjg-haarlemmermeer", "jb-kennemerland"],
    items: [
      { reference: "VT-2026-0103", shortReason: "Aanbod niet op tijd geaccepteerd" },
      { reference: "VT-2026-0106", shortReason: "Eerste contact nog niet gelukt" },
    ],
  },
  {
    region: "ijmond",
    chair: "coordinator.ijmond@vt-kennemerland.example",
    participants: ["wijkteam-velsen", "jb-kennemerland"],
    items: [
      { reference: "VT-2026-0109", shortReason: "Afgewezen: al hulp betrokken, afstemmen met die hulpverlener" },
      { reference: "VT-2026-0111", shortReason: "Teruggemeld: nieuwe signalen, besluit over vervolg nodig" },
    ],
  },
] as const;

/** Two trajectories in progress: one with the wijkteam going well, one whose monitoring moment is overdue. */
const demoTrajectories = [
  {
    reference: "VT-2026-0105",
    partner: "swt-haarlem",
    partnerWorker: "medewerker@swt-haarlem.example",
    openedDaysAgo: 10,
    conditions: [
      { text: "Ouders maken geen ruzie waar de kinderen bij zijn", owner: "household", dueInDays: 20, met: false },
      { text: "Wijkteam start opvoedondersteuning", owner: "partner", dueInDays: 3, met: true },
      { text: "Veilig Thuis bespreekt de afspraken met de school", owner: "vt", dueInDays: 12, met: false },
    ],
    monitoringInDays: 4,
  },
  {
    reference: "VT-2026-0106",
    partner: "cjg-haarlemmermeer",
    partnerWorker: "medewerker@cjg-haarlemmermeer.example",
    openedDaysAgo: 14,
    conditions: [
      {
        text: "Moeder neemt contact op met het CJG bij spanningen thuis",
        owner: "household",
        dueInDays: 7,
        met: false,
      },
      { text: "CJG plant een huisbezoek samen met Veilig Thuis", owner: "partner", dueInDays: 5, met: false },
    ],
    // Planned when the trajectory opened, for a day that has passed since: shows as overdue.
    monitoringInDays: 7,
  },
] as const;

/**
 * Seeds the overdrachtstafels and V&V trajectories of the demo, through the same application services as the
 * portal. Run by `seedDemoCases`, after the households exist.
 */
export async function seedDemoTables(options: { db: Database; now: Date; config: ApiConfig }): Promise<void> {
  // The demo directory and households span organisations: read in the seed's own system task.
  const { people, principals, regionRows, organisationRows, caseRows } = await withSystemTask(
    options.db,
    { task: "demo-seed" },
    async (tx) => {
      const people = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users);
      const principals = new Map<string, NonNullable<Awaited<ReturnType<typeof buildUserPrincipal>>>>();
      for (const person of people) {
        const principal = await buildUserPrincipal({
          db: tx,
          user: person,
          sessionId: "00000000-0000-4000-8000-000000000000",
        });
        if (principal) principals.set(person.email, principal);
      }
      const regionRows = await tx.select({ id: regions.id, slug: regions.slug }).from(regions);
      const organisationRows = await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
      const caseRows = await tx.select({ id: cases.id, reference: cases.reference }).from(cases);
      return { people, principals, regionRows, organisationRows, caseRows };
    },
  );
  const userId = (email: string) => people.find((p) => p.email === email)?.id ?? fail(email);
  const organisationId = (slug: string) => organisationRows.find((o) => o.slug === slug)?.id ?? fail(slug);
  const caseId = (reference: string) => caseRows.find((c) => c.reference === reference)?.id ?? fail(reference);

  /** One transaction acting as one demo person at one moment, as a request from the portal would. */
  const as = <T>(email: string, at: Date, work: (ctx: AuthedContext) => Promise<T>) =>
    withRequest(
      options.db,
      seedActor(principals.get(email) ?? fail(email), { now: at, config: options.config }),
      (tx) =>
        work({
          db: options.db,
          tx,
          principal: principals.get(email) ?? fail(email),
          meta: { requestId: "demo-seed", clientAddress: null },
          config: options.config,
          now: () => at,
        }),
    );

  // Three days ahead, 14:00 in Amsterdam in winter: an upcoming meeting whichever day the demo starts.
  const meetingAt = new Date(options.now.getTime() + 3 * DAY);
  meetingAt.setUTCHours(13, 0, 0, 0);
  for (const table of demoTables) {
    const meeting = await as(table.chair, options.now, (ctx) =>
      createMeeting({
        ctx,
        input: {
          regionId: regionRows.find((r) => r.slug === table.region)?.id ?? fail(table.region),
          scheduledAt: meetingAt,
          participantOrganisationIds: table.participants.map(organisationId),
        },
      }),
    );
    for (const item of table.items) {
      await as(VT, options.now, (ctx) =>
        addAgendaItem({
          ctx,
          input: { meetingId: meeting.id, caseId: caseId(item.reference), shortReason: item.shortReason },
        }),
      );
    }
  }

  for (const demo of demoTrajectories) {
    const openedAt = new Date(options.now.getTime() - demo.openedDaysAgo * DAY);
    const trajectory = await as(VT, openedAt, (ctx) =>
      openTrajectory({
        ctx,
        input: {
          caseId: caseId(demo.reference),
          vtWorkerUserId: userId(VT),
          partnerOrganisationId: organisationId(demo.partner),
          partnerWorkerUserId: userId(demo.partnerWorker),
        },
      }),
    );
    for (const [index, condition] of demo.conditions.entries()) {
      // A minute apart, so they read back in the order they were agreed.
      const added = await as(VT, new Date(openedAt.getTime() + (index + 1) * 60_000), (ctx) =>
        addCondition({
          ctx,
          input: {
            trajectoryId: trajectory.id,
            text: condition.text,
            owner: condition.owner,
            dueOn: toAmsterdamDate({ instant: new Date(openedAt.getTime() + condition.dueInDays * DAY) }),
          },
        }),
      );
      if (condition.met) {
        await as(demo.partnerWorker, new Date(openedAt.getTime() + 2 * DAY), (ctx) =>
          updateCondition({
            ctx,
            input: {
              id: added.id,
              version: added.version,
              status: "met",
              note: "Eerste afspraak heeft plaatsgevonden.",
            },
          }),
        );
      }
    }
    const scheduledFrom = demo.reference === "VT-2026-0106" ? openedAt : options.now;
    await as(VT, scheduledFrom, (ctx) =>
      scheduleMonitoring({
        ctx,
        input: {
          trajectoryId: trajectory.id,
          scheduledOn: toAmsterdamDate({ instant: new Date(scheduledFrom.getTime() + demo.monitoringInDays * DAY) }),
          attendeeUserIds: [userId(VT), userId(demo.partnerWorker)],
        },
      }),
    );
  }
}

function fail(name: string): never {
  throw new Error(`demo data refers to unknown ${name}`);
}
