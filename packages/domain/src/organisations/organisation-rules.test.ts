import { describe, expect, it } from "vitest";
import {
  describeChanges,
  findDeactivationProblem,
  findOinProblem,
  findOrganisationProblems,
  findTeamMunicipalitiesProblem,
  ZOrganisationOin,
  ZTeamNotificationEmail,
} from "./organisation-rules";

describe("findOinProblem", () => {
  it.each(["00000001003214345000", "00000003273170560000", "00000009999999990001"])("accepts %s", (oin) => {
    expect(findOinProblem({ oin })).toBeNull();
  });

  it("says what is wrong with a bad OIN", () => {
    expect(findOinProblem({ oin: "0000000100321434500" })).toBe("Een OIN bestaat uit 20 cijfers; dit zijn er 19.");
    expect(findOinProblem({ oin: "000000010032143450001" })).toBe("Een OIN bestaat uit 20 cijfers; dit zijn er 21.");
    expect(findOinProblem({ oin: "0000000100321434500A" })).toBe("Een OIN bestaat alleen uit cijfers.");
    expect(findOinProblem({ oin: "0000 0001 0032 1434 5000" })).toBe("Een OIN bestaat alleen uit cijfers.");
    expect(findOinProblem({ oin: "12345678901234567890" })).toMatch(/registercode/);
    expect(findOinProblem({ oin: "00000000003214345000" })).toMatch(/registercode/);
  });

  it("trims the value in the zod schema", () => {
    expect(ZOrganisationOin.parse(" 00000001003214345000 ")).toBe("00000001003214345000");
    expect(ZOrganisationOin.safeParse("1234").error?.issues[0]?.message).toBe(
      "Een OIN bestaat uit 20 cijfers; dit zijn er 4.",
    );
  });
});

describe("ZTeamNotificationEmail", () => {
  it("normalises and refuses", () => {
    expect(ZTeamNotificationEmail.parse(" Team@Wijkteam.Example ")).toBe("team@wijkteam.example");
    expect(ZTeamNotificationEmail.safeParse("team@").success).toBe(false);
  });
});

describe("findOrganisationProblems", () => {
  it("asks a gemeente's organisation for its gemeente and refuses one elsewhere", () => {
    expect(findOrganisationProblems({ kind: "municipality", municipalityCode: null })).toEqual([
      { field: "municipalityCode", message: "Kies de gemeente van deze gemeentelijke organisatie." },
    ]);
    expect(findOrganisationProblems({ kind: "municipality", municipalityCode: "GM0392" })).toEqual([]);
    expect(findOrganisationProblems({ kind: "cjg", municipalityCode: "GM0392" })[0]?.field).toBe("municipalityCode");
  });

  it("lets a partner change between partner kinds only", () => {
    expect(findOrganisationProblems({ kind: "cjg", municipalityCode: null, previousKind: "local_team" })).toEqual([]);
    expect(findOrganisationProblems({ kind: "vt", municipalityCode: null, previousKind: "local_team" })[0]?.field).toBe(
      "kind",
    );
    expect(findOrganisationProblems({ kind: "cjg", municipalityCode: null, previousKind: "vt" })[0]?.field).toBe(
      "kind",
    );
    expect(findOrganisationProblems({ kind: "vt", municipalityCode: null, previousKind: "vt" })).toEqual([]);
  });
});

describe("findDeactivationProblem", () => {
  it("refuses deactivating one's own organisation only", () => {
    expect(findDeactivationProblem({ organisationId: "a", actingOrganisationId: "a", active: false })).toMatch(/eigen/);
    expect(findDeactivationProblem({ organisationId: "a", actingOrganisationId: "a", active: true })).toBeNull();
    expect(findDeactivationProblem({ organisationId: "b", actingOrganisationId: "a", active: false })).toBeNull();
  });
});

describe("findTeamMunicipalitiesProblem", () => {
  it("keeps the last gemeente of a team with open handovers", () => {
    expect(findTeamMunicipalitiesProblem({ municipalityCodes: [], openHandovers: 1 })).toBe(
      "Dit team heeft nog 1 lopende overdracht en moet minstens één gemeente houden.",
    );
    expect(findTeamMunicipalitiesProblem({ municipalityCodes: [], openHandovers: 3 })).toMatch(
      /3 lopende overdrachten/,
    );
    expect(findTeamMunicipalitiesProblem({ municipalityCodes: [], openHandovers: 0 })).toBeNull();
    expect(findTeamMunicipalitiesProblem({ municipalityCodes: ["GM0392"], openHandovers: 5 })).toBeNull();
  });
});

describe("describeChanges", () => {
  it("lists only what changed, before and after", () => {
    expect(
      describeChanges({
        before: { name: "A", active: true, oin: null, municipalityCodes: ["GM2", "GM1"] },
        after: { name: "B", active: true, oin: "1", municipalityCodes: ["GM1", "GM2"] },
      }),
    ).toEqual(["name: A → B", "oin: - → 1"]);
  });
});
