import { describe, expect, it } from "vitest";
import { findMissingVvParties, findVvCloseProblems, type VvCloseInput, vvOutcomeCodes } from "./trajectory";

const closable: VvCloseInput = {
  status: "open",
  outcomeCode: "continued_by_partner",
  followUpOrganisationKind: "local_team",
  followUpUserId: "partner-worker",
  conditions: [
    { id: "a", status: "met" },
    { id: "b", status: "dropped" },
    { id: "c", status: "not_met" },
  ],
};

describe("V&V parties", () => {
  it("needs a VT worker, a partner organisation and a named partner worker", () => {
    expect(
      findMissingVvParties({ vtWorkerUserId: "vt", partnerOrganisationId: "org", partnerWorkerUserId: "p" }),
    ).toEqual([]);
    expect(
      findMissingVvParties({ vtWorkerUserId: "vt", partnerOrganisationId: "org", partnerWorkerUserId: null }).map(
        (p) => p.field,
      ),
    ).toEqual(["partnerWorkerUserId"]);
    expect(
      findMissingVvParties({ vtWorkerUserId: "", partnerOrganisationId: undefined, partnerWorkerUserId: null }).map(
        (p) => p.field,
      ),
    ).toEqual(["vtWorkerUserId", "partnerOrganisationId", "partnerWorkerUserId"]);
  });
});

describe("closing a V&V trajectory", () => {
  it("closes with an outcome, a follow-up owner who fits it and no open condition", () => {
    expect(findVvCloseProblems(closable)).toEqual([]);
  });

  it("has no waiting-list outcome", () => {
    expect(vvOutcomeCodes.some((code) => code.includes("wait"))).toBe(false);
  });

  it("refuses to close without an outcome or follow-up owner", () => {
    const problems = findVvCloseProblems({
      ...closable,
      outcomeCode: null,
      followUpOrganisationKind: null,
      followUpUserId: " ",
    });
    expect(problems.map((p) => p.field)).toEqual(["outcomeCode", "followUpOrganisationId", "followUpUserId"]);
  });

  it("refuses to let VT step out to nobody but VT itself", () => {
    for (const outcomeCode of ["safety_restored", "continued_by_partner"] as const) {
      const problems = findVvCloseProblems({ ...closable, outcomeCode, followUpOrganisationKind: "vt" });
      expect(problems.map((p) => p.field)).toEqual(["followUpOrganisationId"]);
      expect(problems[0]?.message).toContain("wachtlijst");
    }
    expect(
      findVvCloseProblems({ ...closable, outcomeCode: "vt_investigation", followUpOrganisationKind: "vt" }),
    ).toEqual([]);
    expect(
      findVvCloseProblems({ ...closable, outcomeCode: "vt_investigation", followUpOrganisationKind: "cjg" }),
    ).toHaveLength(1);
    expect(
      findVvCloseProblems({ ...closable, outcomeCode: "raad_request", followUpOrganisationKind: "youth_protection" }),
    ).toEqual([]);
    expect(
      findVvCloseProblems({
        ...closable,
        outcomeCode: "continued_by_partner",
        followUpOrganisationKind: "municipality",
      }),
    ).toHaveLength(1);
  });

  it("refuses while a condition is open", () => {
    const problems = findVvCloseProblems({
      ...closable,
      conditions: [...closable.conditions, { id: "d", status: "open" }],
    });
    expect(problems.map((p) => p.field)).toEqual(["conditions"]);
    expect(problems[0]?.message).toContain("1 voorwaarde open");
  });

  it("refuses a trajectory that is already closed", () => {
    expect(findVvCloseProblems({ ...closable, status: "closed" }).map((p) => p.field)).toEqual(["status"]);
  });
});
