import type { Role } from "@ketenportaal/api";
import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import { roleLabels } from "./roles";
import { sectionsFor } from "./sections";

// Spelled out on purpose: a new role in the API must be added here and given a Dutch name in the catalogue.
const allRoles = [
  "functional_admin",
  "vt_worker",
  "team_coordinator",
  "partner_worker",
  "partner_coordinator",
  "policy_officer",
] as const satisfies readonly Role[];

// Fails to compile when the API gains a role that this list lacks.
type MissingRole = Exclude<Role, (typeof allRoles)[number]>;
const noMissingRole: [MissingRole] extends [never] ? true : false = true;

describe("role labels", () => {
  it("lists every role of the API", () => {
    expect(noMissingRole).toBe(true);
    expect(Object.keys(nl.roles).sort()).toEqual([...allRoles].sort());
  });

  it("gives every role a distinct Dutch name", () => {
    const labels = allRoles.map((role) => nl.roles[role]);
    expect(labels.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(allRoles.length);
  });

  it("uses the catalogue names", () => {
    expect(roleLabels(allRoles)).toEqual([
      "functioneel beheerder",
      "VT-medewerker",
      "teamcoördinator",
      "medewerker ketenpartner",
      "coördinator ketenpartner",
      "beleidsmedewerker gemeente",
    ]);
  });

  it("names each role once, in catalogue order", () => {
    expect(roleLabels(["policy_officer", "vt_worker", "vt_worker"])).toEqual([
      "VT-medewerker",
      "beleidsmedewerker gemeente",
    ]);
    expect(roleLabels([])).toEqual([]);
  });
});

describe("sectionsFor", () => {
  const keys = (roles: readonly Role[]) => sectionsFor(roles).map((section) => section.key);

  it("shows every role at least one section", () => {
    for (const role of allRoles) expect(sectionsFor([role]).length, role).toBeGreaterThan(0);
  });

  it("shows a policy officer only the figures", () => {
    expect(keys(["policy_officer"])).toEqual(["reports"]);
  });

  it("shows a functional administrator the administration", () => {
    expect(keys(["functional_admin"])).toEqual(["admin"]);
  });

  it("shows a VT worker the case work, the triage and the wachtlijst, without figures or administration", () => {
    expect(keys(["vt_worker"])).toEqual(["handovers", "handoverTables", "vvTrajectories", "triage", "waitingList"]);
  });

  it("combines roles without duplicates", () => {
    expect(keys(["vt_worker", "team_coordinator", "functional_admin"])).toEqual([
      "handovers",
      "handoverTables",
      "vvTrajectories",
      "triage",
      "waitingList",
      "reports",
      "admin",
    ]);
  });

  it("labels and links each section", () => {
    const [first] = sectionsFor(["partner_worker"]);
    expect(first).toEqual({
      key: "handovers",
      path: "/overdrachten",
      label: "Overdrachten",
      description: nl.sections.handovers.description,
    });
  });
});
