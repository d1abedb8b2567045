import type { Role } from "@ketenportaal/api";
import { nl } from "../messages/nl";

export type SectionKey = keyof typeof nl.sections;

export type Section = { key: SectionKey; path: string; label: string; description: string };

/**
 * The portal's main sections and who gets to see them in the navigation. Only a convenience: the API decides
 * what anyone may actually see or do, so a hidden link is never the protection.
 */
const sectionAccess: readonly { key: SectionKey; path: string; roles: readonly Role[] }[] = [
  {
    key: "handovers",
    path: "/overdrachten",
    roles: ["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"],
  },
  {
    key: "handoverTables",
    path: "/overdrachtstafels",
    roles: ["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"],
  },
  {
    key: "vvTrajectories",
    path: "/voorwaarden-en-vervolg",
    roles: ["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"],
  },
  // The API answers VT and the gemeenten (report.gemeente); the coördinator watches the region's figures.
  { key: "triage", path: "/triage", roles: ["vt_worker", "team_coordinator"] },
  { key: "waitingList", path: "/wachtlijst", roles: ["vt_worker", "team_coordinator"] },
  { key: "reports", path: "/rapportages", roles: ["team_coordinator", "policy_officer"] },
  { key: "admin", path: "/beheer", roles: ["functional_admin", "partner_coordinator"] },
];

export function sectionsFor(roles: readonly Role[]): Section[] {
  return sectionAccess
    .filter((section) => section.roles.some((role) => roles.includes(role)))
    .map(({ key, path }) => ({ key, path, ...nl.sections[key] }));
}
