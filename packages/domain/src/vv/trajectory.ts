import type { VvConditionStatus } from "./conditions";

/** A Voorwaarden & Vervolg trajectory: VT and one partner co-work one household. */
export const vvStatuses = ["open", "closed"] as const;
export type VvStatus = (typeof vvStatuses)[number];

export const vvStatusLabels = { open: "lopend", closed: "afgesloten" } as const satisfies Record<VvStatus, string>;

/**
 * How a trajectory ends. There is deliberately no "waiting list" outcome: every way out names who continues with
 * the household now (seed 001: a household must never land on a waiting list after VT finished on its own).
 */
export const vvOutcomeCodes = ["safety_restored", "continued_by_partner", "vt_investigation", "raad_request"] as const;
export type VvOutcomeCode = (typeof vvOutcomeCodes)[number];

export const vvOutcomeLabels = {
  safety_restored: "veiligheid hersteld, ketenpartner blijft betrokken",
  continued_by_partner: "hulp loopt door bij de ketenpartner",
  vt_investigation: "Veilig Thuis zet onderzoek in",
  raad_request: "verzoek aan de Raad voor de Kinderbescherming",
} as const satisfies Record<VvOutcomeCode, string>;

export type VvOrganisationKind = "vt" | "local_team" | "cjg" | "youth_protection" | "municipality";
const partnerKinds: readonly VvOrganisationKind[] = ["local_team", "cjg", "youth_protection"];

/** Which kinds of organisation can carry on after each outcome. */
const followUpKinds = {
  // VT steps out: the household continues with a partner, never with nobody.
  safety_restored: partnerKinds,
  continued_by_partner: partnerKinds,
  vt_investigation: ["vt"],
  // Until the Raad decides, VT or the gecertificeerde instelling stays with the household.
  raad_request: ["vt", "youth_protection"],
} as const satisfies Record<VvOutcomeCode, readonly VvOrganisationKind[]>;

export type VvParties = {
  vtWorkerUserId: string | null | undefined;
  partnerOrganisationId: string | null | undefined;
  partnerWorkerUserId: string | null | undefined;
};

export type VvProblem = { field: string; message: string };

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === "";
}

/** V&V only together (seed 001): a VT worker and a partner organisation with a named worker, or no trajectory. */
export function findMissingVvParties(parties: VvParties): VvProblem[] {
  const problems: VvProblem[] = [];
  if (isBlank(parties.vtWorkerUserId)) {
    problems.push({ field: "vtWorkerUserId", message: "Kies de medewerker van Veilig Thuis." });
  }
  if (isBlank(parties.partnerOrganisationId)) {
    problems.push({
      field: "partnerOrganisationId",
      message: "Kies de ketenpartner: V&V doet Veilig Thuis nooit alleen.",
    });
  }
  if (isBlank(parties.partnerWorkerUserId)) {
    problems.push({
      field: "partnerWorkerUserId",
      message: "Kies een medewerker van de ketenpartner: V&V doet Veilig Thuis nooit alleen.",
    });
  }
  return problems;
}

export function isVvPartnerKind(kind: VvOrganisationKind): boolean {
  return partnerKinds.includes(kind);
}

export type VvCloseInput = {
  status: VvStatus;
  outcomeCode: VvOutcomeCode | null | undefined;
  followUpOrganisationKind: VvOrganisationKind | null | undefined;
  followUpUserId: string | null | undefined;
  conditions: readonly { id: string; status: VvConditionStatus }[];
};

/**
 * Everything that keeps a trajectory from closing: an outcome, a follow-up owner (organisation and person) who
 * continues now and fits the outcome, and no condition still open.
 */
export function findVvCloseProblems(input: VvCloseInput): VvProblem[] {
  if (input.status === "closed") return [{ field: "status", message: "Dit traject is al afgesloten." }];
  const problems: VvProblem[] = [];
  if (!input.outcomeCode) problems.push({ field: "outcomeCode", message: "Kies de uitkomst van het traject." });
  if (!input.followUpOrganisationKind) {
    problems.push({
      field: "followUpOrganisationId",
      message: "Kies de organisatie die met het huishouden verdergaat.",
    });
  } else if (
    input.outcomeCode &&
    !(followUpKinds[input.outcomeCode] as readonly string[]).includes(input.followUpOrganisationKind)
  ) {
    problems.push({
      field: "followUpOrganisationId",
      message:
        input.outcomeCode === "vt_investigation"
          ? "Bij onderzoek door Veilig Thuis gaat Veilig Thuis zelf verder met het huishouden."
          : input.outcomeCode === "raad_request"
            ? "Tot de Raad besluit gaat Veilig Thuis of jeugdbescherming verder met het huishouden."
            : "Veilig Thuis stapt uit: kies de ketenpartner die met het huishouden verdergaat, zodat het niet op een wachtlijst komt.",
    });
  }
  if (isBlank(input.followUpUserId)) {
    problems.push({ field: "followUpUserId", message: "Noem de persoon die met het huishouden verdergaat." });
  }
  const open = input.conditions.filter((condition) => condition.status === "open");
  if (open.length > 0) {
    problems.push({
      field: "conditions",
      message:
        open.length === 1
          ? "Er staat nog 1 voorwaarde open: leg vast of die is nagekomen, niet is nagekomen of vervalt."
          : `Er staan nog ${open.length} voorwaarden open: leg per voorwaarde vast of die is nagekomen, niet is nagekomen of vervalt.`,
    });
  }
  return problems;
}
