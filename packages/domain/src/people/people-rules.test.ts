import { describe, expect, it } from "vitest";
import { findLastAdminProblem, findRoleProblem, inviteExpiryFrom, inviteStateOf, mayGiveRole } from "./people-rules";

describe("people rules", () => {
  const now = new Date("2026-11-26T10:00:00Z");

  it("lets an invite work for seven days, once", () => {
    const expiresAt = inviteExpiryFrom({ now });
    expect(expiresAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(inviteStateOf({ expiresAt, usedAt: null, now })).toBe("open");
    expect(inviteStateOf({ expiresAt, usedAt: null, now: new Date("2026-12-03T09:59:59Z") })).toBe("open");
    expect(inviteStateOf({ expiresAt, usedAt: null, now: expiresAt })).toBe("expired");
    expect(inviteStateOf({ expiresAt, usedAt: now, now })).toBe("used");
  });

  it("keeps the last active VT beheerder", () => {
    expect(findLastAdminProblem({ wasVtAdmin: true, remainsVtAdmin: false, remainingAfter: 0 })).toMatch(/laatste/);
    expect(findLastAdminProblem({ wasVtAdmin: true, remainsVtAdmin: false, remainingAfter: 1 })).toBeNull();
    expect(findLastAdminProblem({ wasVtAdmin: true, remainsVtAdmin: true, remainingAfter: 0 })).toBeNull();
    expect(findLastAdminProblem({ wasVtAdmin: false, remainsVtAdmin: false, remainingAfter: 0 })).toBeNull();
  });

  it("lets a partner coördinator give partner roles only", () => {
    expect(mayGiveRole({ actorIsVtAdmin: false, role: "partner_worker" })).toBe(true);
    expect(mayGiveRole({ actorIsVtAdmin: false, role: "functional_admin" })).toBe(false);
    expect(mayGiveRole({ actorIsVtAdmin: true, role: "functional_admin" })).toBe(true);
  });

  it("gives each kind of organisation its own roles", () => {
    expect(findRoleProblem({ role: "vt_worker", organisationKind: "vt" })).toBeNull();
    expect(findRoleProblem({ role: "functional_admin", organisationKind: "cjg" })).toMatch(/Veilig Thuis/);
    expect(findRoleProblem({ role: "partner_worker", organisationKind: "local_team" })).toBeNull();
    expect(findRoleProblem({ role: "partner_worker", organisationKind: "vt" })).toMatch(/ketenpartner/);
    expect(findRoleProblem({ role: "policy_officer", organisationKind: "municipality" })).toBeNull();
    expect(findRoleProblem({ role: "policy_officer", organisationKind: "youth_protection" })).toMatch(/gemeente/);
  });
});
