import { describe, expect, it } from "vitest";
import { handoverViewOf, isRegionContact } from "./handover-access";

describe("handoverViewOf", () => {
  it("gives VT caseworkers the VT overview", () => {
    expect(handoverViewOf({ organisation: { kind: "vt" }, roles: ["vt_worker"] })).toBe("vt");
    expect(handoverViewOf({ organisation: { kind: "vt" }, roles: ["team_coordinator"] })).toBe("vt");
  });

  it("gives partner caseworkers the inbox", () => {
    for (const kind of ["local_team", "cjg", "youth_protection"] as const) {
      expect(handoverViewOf({ organisation: { kind }, roles: ["partner_worker"] })).toBe("partner");
      expect(handoverViewOf({ organisation: { kind }, roles: ["partner_coordinator"] })).toBe("partner");
    }
  });

  it("shows beheer and the gemeente nothing", () => {
    expect(handoverViewOf({ organisation: { kind: "vt" }, roles: ["functional_admin"] })).toBeNull();
    expect(handoverViewOf({ organisation: { kind: "municipality" }, roles: ["policy_officer"] })).toBeNull();
    expect(handoverViewOf({ organisation: { kind: "vt" }, roles: ["partner_worker"] })).toBeNull();
  });
});

describe("isRegionContact", () => {
  it("is true for VT teamcoördinatoren only", () => {
    expect(isRegionContact({ organisation: { kind: "vt" }, roles: ["team_coordinator"] })).toBe(true);
    expect(isRegionContact({ organisation: { kind: "vt" }, roles: ["vt_worker"] })).toBe(false);
    expect(isRegionContact({ organisation: { kind: "cjg" }, roles: ["team_coordinator"] })).toBe(false);
  });
});
