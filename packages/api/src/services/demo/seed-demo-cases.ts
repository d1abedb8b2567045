import { type Database, teams, users, withRequest } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { toAmsterdamDate } from "@ketenportaal/domain";

import type { ApiConfig, AuthedContext } from "../../context";
import { buildUserPrincipal } from "../auth/sessions";
import { createCase } from "../case/manage-cases";
import { partnerAccessCutoffOf } from "../handover/partner-access";
import { applyHandoverCommand, type HandoverCommand } from "../handover/run-handover-command";
import { seedDemoTables } from "./seed-demo-tables";

type Step = { daysAgo: number; as: string; command: DistributiveOmit<HandoverCommand, "id" | "version"> };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const VT = "medewerker@vt-kennemerland.example";
const SWT = "medewerker@swt-haarlem.example";
const CJG = "medewerker@cjg-haarlemmermeer.example";
const VELSEN = "medewerker@wijkteam-velsen.example";
const JB = "medewerker@jb-kennemerland.example";

const offer = (daysAgo: number): Step => ({ daysAgo, as: VT, command: { kind: "offer" } });
const accept = (daysAgo: number, as: string): Step => ({ daysAgo, as, command: { kind: "accept" } });

/** Fictitious households in every state of the loop, so every page of the portal has something to show. */
const demoCases: {
  reference: string;
  municipality: string;
  team: string;
  priority: "acute" | "high" | "normal" | "low";
  complete: boolean;
  /** BSNs from the 99999… range of the BRP's test persons: elfproef-valid, no one's real number. */
  persons: {
    role: "child" | "parent" | "partner" | "elder" | "other";
    name: string;
    birthYear: number;
    bsn?: string;
  }[];
  steps: Step[];
}[] = [
  {
    reference: "VT-2026-0101",
    municipality: "GM0392",
    team: "Wijkteam Haarlem",
    priority: "normal",
    complete: false,
    persons: [
      { role: "child", name: "Noor Bakker", birthYear: 2017, bsn: "999990111" },
      { role: "parent", name: "Eva Bakker", birthYear: 1988, bsn: "999990925" },
    ],
    steps: [],
  },
  {
    reference: "VT-2026-0102",
    municipality: "GM0392",
    team: "Wijkteam Haarlem",
    priority: "high",
    complete: true,
    persons: [
      { role: "child", name: "Sem de Wit", birthYear: 2015, bsn: "999990962" },
      { role: "parent", name: "Ilse de Wit", birthYear: 1985, bsn: "999991036" },
    ],
    steps: [offer(0)],
  },
  {
    reference: "VT-2026-0103",
    municipality: "GM0394",
    team: "CJG Haarlemmermeer",
    priority: "high",
    complete: true,
    persons: [
      { role: "child", name: "Lina Yildiz", birthYear: 2019, bsn: "999991073" },
      { role: "parent", name: "Derya Yildiz", birthYear: 1990, bsn: "999991887" },
    ],
    steps: [offer(7)],
  },
  {
    reference: "VT-2026-0104",
    municipality: "GM0453",
    team: "Wijkteam Velsen",
    priority: "normal",
    complete: true,
    persons: [
      { role: "elder", name: "Gerrit Kok", birthYear: 1941, bsn: "999992405" },
      { role: "other", name: "Ton Kok", birthYear: 1968, bsn: "999992442" },
    ],
    steps: [offer(1)],
  },
  {
    reference: "VT-2026-0105",
    municipality: "GM0392",
    team: "Wijkteam Haarlem",
    priority: "normal",
    complete: true,
    persons: [
      { role: "child", name: "Mila Jansen", birthYear: 2012, bsn: "999993367" },
      { role: "parent", name: "Kees Jansen", birthYear: 1979, bsn: "999993811" },
    ],
    steps: [offer(5), accept(3, SWT)],
  },
  {
    reference: "VT-2026-0106",
    municipality: "GM0394",
    team: "CJG Haarlemmermeer",
    priority: "high",
    complete: true,
    persons: [
      { role: "child", name: "Daan Peters", birthYear: 2018, bsn: "999994736" },
      { role: "partner", name: "Sara Peters", birthYear: 1992, bsn: "999994773" },
    ],
    steps: [offer(24), accept(22, CJG)],
  },
  {
    reference: "VT-2026-0107",
    municipality: "GM0453",
    team: "Wijkteam Velsen",
    priority: "normal",
    complete: true,
    persons: [
      { role: "child", name: "Finn Smit", birthYear: 2014, bsn: "999995698" },
      { role: "parent", name: "Anouk Smit", birthYear: 1986, bsn: "999996216" },
    ],
    steps: [offer(12), accept(11, VELSEN), { daysAgo: 6, as: VELSEN, command: { kind: "start", firstContactOn: "" } }],
  },
  {
    reference: "VT-2026-0108",
    municipality: "GM0392",
    team: "Team Jeugdbescherming Kennemerland",
    priority: "acute",
    complete: true,
    persons: [{ role: "child", name: "Julia Mulder", birthYear: 2011, bsn: "999996253" }],
    steps: [
      offer(30),
      accept(29, JB),
      { daysAgo: 27, as: JB, command: { kind: "start", firstContactOn: "" } },
      { daysAgo: 10, as: JB, command: { kind: "complete", outcomeCode: "help_started" } },
    ],
  },
  {
    reference: "VT-2026-0109",
    municipality: "GM0453",
    team: "Wijkteam Velsen",
    priority: "low",
    complete: true,
    persons: [{ role: "partner", name: "Ellen Vos", birthYear: 1975, bsn: "999996290" }],
    steps: [
      offer(9),
      {
        daysAgo: 8,
        as: VELSEN,
        command: {
          kind: "decline",
          reasonCode: "already_involved",
          reasonText: "Het gezin heeft al een hulpverlener van ons team.",
        },
      },
    ],
  },
  {
    reference: "VT-2026-0110",
    municipality: "GM0473",
    team: "Wijkteam Zuid-Kennemerland",
    priority: "normal",
    complete: true,
    persons: [{ role: "child", name: "Bo Meijer", birthYear: 2016 }],
    steps: [
      offer(4),
      { daysAgo: 2, as: VT, command: { kind: "withdraw", reasonText: "Het gezin is verhuisd naar een andere regio." } },
    ],
  },
  {
    reference: "VT-2026-0111",
    municipality: "GM0453",
    team: "Wijkteam Velsen",
    priority: "high",
    complete: true,
    persons: [
      { role: "child", name: "Tess de Graaf", birthYear: 2013, bsn: "999997178" },
      { role: "parent", name: "Rob de Graaf", birthYear: 1980, bsn: "999997622" },
    ],
    steps: [
      offer(15),
      accept(14, VELSEN),
      {
        daysAgo: 1,
        as: VELSEN,
        command: { kind: "return", reasonText: "Nieuwe signalen van geweld; de veiligheid is niet te garanderen." },
      },
    ],
  },
  {
    reference: "VT-2026-0112",
    municipality: "GM0392",
    team: "Wijkteam Haarlem",
    priority: "normal",
    complete: true,
    persons: [
      { role: "child", name: "Levi Hoekstra", birthYear: 2020 },
      { role: "parent", name: "Nina Hoekstra", birthYear: 1993, bsn: "999998547" },
    ],
    steps: [],
  },
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * Adds the demo households, each step through the same transition function the portal uses. Run once, right
 * after `seedDemoRegion`, with the moment the demo should look current at.
 */
export async function seedDemoCases(options: { db: Database; now: Date; config: ApiConfig }): Promise<void> {
  // Reading the whole demo directory spans organisations: the seed's own system task. Every step below then runs
  // as the demo person who takes it, through the same row-level policies as a request.
  const { people, teamRows, principals } = await withSystemTask(options.db, { task: "demo-seed" }, async (tx) => {
    const people = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users);
    const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams);
    const principals = new Map<string, NonNullable<Awaited<ReturnType<typeof buildUserPrincipal>>>>();
    for (const person of people) {
      const principal = await buildUserPrincipal({
        db: tx,
        user: person,
        sessionId: "00000000-0000-4000-8000-000000000000",
      });
      if (principal) principals.set(person.email, principal);
    }
    return { people, teamRows, principals };
  });
  const contact = people.find((p) => p.email === "coordinator.haarlem@vt-kennemerland.example");
  const principalOf = (email: string) => {
    const principal = principals.get(email);
    if (!principal) throw new Error(`demo user ${email} missing`);
    return principal;
  };
  const meta = { requestId: "demo-seed", clientAddress: null };

  for (const demo of demoCases) {
    const first = demo.steps[0]?.daysAgo ?? 0;
    const createdAt = new Date(options.now.getTime() - (first + 1) * DAY);
    const creator = seedActor(principalOf(VT), { now: createdAt, config: options.config });
    const { handoverId, version } = await withRequest(options.db, creator, async (tx) => {
      const ctx: AuthedContext = {
        db: options.db,
        tx,
        principal: principalOf(VT),
        meta,
        config: options.config,
        now: () => createdAt,
      };
      const created = await createCase({
        ctx,
        input: {
          reference: demo.reference,
          municipalityCode: demo.municipality,
          priority: demo.priority,
          reportedAt: new Date(createdAt.getTime() - 4 * DAY),
          safetyAssessmentCompleted: demo.complete,
          conclusion: demo.complete
            ? "Er zijn zorgen over de veiligheid; hulp in het voorliggend veld is passend."
            : null,
          persons: demo.persons.map((p) => ({ ...p, spokenStatus: demo.complete ? ("spoken" as const) : null })),
        },
      });
      const result = await applyHandoverCommand({
        tx,
        actor: { kind: "principal", principal: principalOf(VT) },
        command: {
          kind: "create",
          caseId: created.id,
          targetTeamId: teamRows.find((t) => t.name === demo.team)?.id ?? "",
          ...(demo.complete
            ? {
                concerns: "Zorgen over spanningen thuis en de gevolgen voor de kinderen.",
                safetyConditions: "Geen geweld; ouders zoeken hulp bij conflicten.",
                householdView: "Het huishouden staat open voor hulp.",
                vtContactUserId: contact?.id ?? null,
                vtJoinsFirstVisit: demo.priority === "high" || demo.priority === "acute",
              }
            : {}),
        },
        now: createdAt,
        config: options.config,
        requestId: "demo-seed",
        clientAddress: null,
      });
      return { handoverId: result.id, version: result.version };
    });

    let currentVersion = version;
    for (const step of demo.steps) {
      const at = new Date(options.now.getTime() - step.daysAgo * DAY);
      const command = (
        step.command.kind === "start"
          ? { ...step.command, firstContactOn: toAmsterdamDate({ instant: at }) }
          : step.command
      ) as HandoverCommand;
      const actor = seedActor(principalOf(step.as), { now: at, config: options.config });
      const result = await withRequest(options.db, actor, (tx) =>
        applyHandoverCommand({
          tx,
          actor: { kind: "principal", principal: principalOf(step.as) },
          command: { ...command, id: handoverId, version: currentVersion } as HandoverCommand,
          now: at,
          config: options.config,
          requestId: "demo-seed",
          clientAddress: null,
        }),
      );
      currentVersion = result.version;
    }
  }
  await seedDemoTables(options);
}

export const demoCaseReferences = demoCases.map((c) => c.reference);

/** A demo step acts as its person in their organisation, as the portal's request would. */
export function seedActor(
  principal: { user: { id: string }; organisation: { id: string } },
  moment: { now: Date; config: ApiConfig },
) {
  return {
    userId: principal.user.id,
    organisationId: principal.organisation.id,
    requestId: "demo-seed",
    partnerAccessCutoff: partnerAccessCutoffOf(moment),
  };
}
