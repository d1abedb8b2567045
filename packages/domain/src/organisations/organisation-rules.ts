import { z } from "zod";
import { ZEmailAddress } from "../accounts/account-rules";

export const organisationKinds = ["vt", "local_team", "cjg", "youth_protection", "municipality"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The partner kinds an offer can go to; an organisation may move between these, never to or from VT or gemeente. */
const PARTNER_KINDS: readonly OrganisationKind[] = ["local_team", "cjg", "youth_protection"];

export type FieldProblem = { field: string; message: string };

/**
 * The OIN's shape as the Logius OIN-stelsel describes it: 20 positions — an 8-position prefix naming the register
 * (00000001 RSIN, 00000002 fiscaal nummer, 00000003 KVK-nummer, 00000004 subOIN, …), a main number of 8 or 9
 * positions and a suffix of zeros. We check: 20 digits, and a prefix of seven zeros and a register digit 1–9. We do
 * not check the main number against its register (no checksum of its own; Logius' register is the truth).
 */
export function findOinProblem(options: { oin: string }): string | null {
  const { oin } = options;
  if (!/^\d+$/.test(oin)) return "Een OIN bestaat alleen uit cijfers.";
  if (oin.length !== 20) return `Een OIN bestaat uit 20 cijfers; dit zijn er ${oin.length}.`;
  if (!/^0{7}[1-9]/.test(oin)) return "Een OIN begint met een registercode van 8 cijfers, zoals 00000001 of 00000003.";
  return null;
}

export const ZOrganisationOin = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = findOinProblem({ oin: value });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A team's notification address: a (shared) mailbox of the team, checked like any e-mail address. */
export const ZTeamNotificationEmail = ZEmailAddress;

/**
 * The fields of an organisation as a beheerder saves it. A gemeente's organisation names its gemeente (its
 * beleidsmedewerkers see that gemeente's report); no other kind has one. VT and gemeente are fixed kinds: memberships,
 * policies and the report depend on them, so only a partner may change between the partner kinds.
 */
export function findOrganisationProblems(options: {
  kind: OrganisationKind;
  municipalityCode: string | null;
  previousKind?: OrganisationKind;
}): FieldProblem[] {
  const { kind, municipalityCode, previousKind } = options;
  const problems: FieldProblem[] = [];
  if (
    previousKind &&
    previousKind !== kind &&
    !(PARTNER_KINDS.includes(previousKind) && PARTNER_KINDS.includes(kind))
  ) {
    problems.push({
      field: "kind",
      message: "Het soort organisatie kan alleen wisselen tussen lokaal team, CJG en jeugdbescherming.",
    });
  }
  if (kind === "municipality" && !municipalityCode) {
    problems.push({ field: "municipalityCode", message: "Kies de gemeente van deze gemeentelijke organisatie." });
  }
  if (kind !== "municipality" && municipalityCode) {
    problems.push({
      field: "municipalityCode",
      message: "Alleen een gemeentelijke organisatie hoort bij een gemeente.",
    });
  }
  return problems;
}

/** The beheerder cannot deactivate the organisation they work for: nobody would be left to reactivate it. */
export function findDeactivationProblem(options: {
  organisationId: string;
  actingOrganisationId: string;
  active: boolean;
}): string | null {
  if (!options.active && options.organisationId === options.actingOrganisationId) {
    return "U kunt uw eigen organisatie niet op non-actief zetten.";
  }
  return null;
}

/**
 * An offer goes to the team serving the case's gemeente. A team with open handovers (offered, accepted or started)
 * keeps at least one gemeente, so it stays reachable for them; the beheerder moves the handovers first.
 */
export function findTeamMunicipalitiesProblem(options: {
  municipalityCodes: readonly string[];
  openHandovers: number;
}): string | null {
  if (options.municipalityCodes.length === 0 && options.openHandovers > 0) {
    return `Dit team heeft nog ${options.openHandovers === 1 ? "1 lopende overdracht" : `${options.openHandovers} lopende overdrachten`} en moet minstens één gemeente houden.`;
  }
  return null;
}

/** The fields that differ, as `field: before → after` — what an edit's audit row records. */
export function describeChanges(options: {
  before: Record<string, string | boolean | null | readonly string[]>;
  after: Record<string, string | boolean | null | readonly string[]>;
}): string[] {
  const show = (value: string | boolean | null | readonly string[] | undefined) =>
    value === null || value === undefined
      ? "-"
      : Array.isArray(value)
        ? [...value].sort().join(",") || "-"
        : String(value);
  return Object.keys(options.after).flatMap((field) => {
    const from = show(options.before[field]);
    const to = show(options.after[field]);
    return from === to ? [] : [`${field}: ${from} → ${to}`];
  });
}
