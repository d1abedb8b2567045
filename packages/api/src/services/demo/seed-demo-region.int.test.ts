import {
  memberships,
  municipalities,
  organisations,
  regions,
  teamMunicipalities,
  teams,
  users,
} from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../auth/log-in";
import { findSessionPrincipal } from "../auth/sessions";
import { DEMO_PASSWORD, demoUsers } from "./demo-region";
import { seedDemoRegion } from "./seed-demo-region";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.drop();
});

describe("seedDemoRegion", () => {
  it("seeds VT Kennemerland's three regions, eight gemeenten, organisations and accounts once", async () => {
    const [first, second] = await Promise.all([seedDemoRegion({ db: test.db }), seedDemoRegion({ db: test.db })]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await seedDemoRegion({ db: test.db })).toBe(false);

    const regionRows = await test.db.select().from(regions);
    expect(regionRows.map((r) => r.name).sort()).toEqual(["Haarlem e.o.", "Haarlemmermeer", "IJmond"]);
    expect(regionRows.every((r) => r.contactUserId)).toBe(true);
    const codes = (await test.db.select().from(municipalities)).map((m) => m.code).sort();
    expect(codes).toEqual(["GM0375", "GM0377", "GM0392", "GM0394", "GM0396", "GM0397", "GM0453", "GM0473"]);
    const kinds = (await test.db.select().from(organisations)).map((o) => `${o.slug}:${o.kind}`).sort();
    expect(kinds).toEqual([
      "cjg-haarlemmermeer:cjg",
      "gemeente-haarlem:municipality",
      "jb-kennemerland:youth_protection",
      "swt-haarlem:local_team",
      "vt-kennemerland:vt",
      "wijkteam-velsen:local_team",
    ]);
    expect(await test.db.select().from(users)).toHaveLength(11);
    expect(await test.db.select().from(memberships)).toHaveLength(11);
  });

  it("lets every partner team serve at least one gemeente, and every gemeente a local team", async () => {
    const served = await test.db
      .select({ code: teamMunicipalities.municipalityCode, kind: organisations.kind })
      .from(teamMunicipalities)
      .innerJoin(teams, eq(teams.id, teamMunicipalities.teamId))
      .innerJoin(organisations, eq(organisations.id, teams.organisationId));
    const localCodes = new Set(served.filter((s) => s.kind === "local_team" || s.kind === "cjg").map((s) => s.code));
    expect(localCodes.size).toBe(8);
  });

  it.each(demoUsers.map((u) => [u.email, u.role, u.organisation] as const))(
    "lets %s log in as %s of %s",
    async (email, role, organisation) => {
      const { token } = await logIn({
        db: test.db,
        email,
        password: DEMO_PASSWORD,
        meta: { requestId: "t", clientAddress: null },
      });
      const principal = await findSessionPrincipal({ db: test.db, token });
      expect(principal?.roles).toEqual([role]);
      expect(principal?.organisation.slug).toBe(organisation);
    },
  );
});
