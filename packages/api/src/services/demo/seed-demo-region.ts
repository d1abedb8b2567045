import {
  type Database,
  memberships,
  municipalities,
  organisations,
  regions,
  teamMunicipalities,
  teams,
  users,
} from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/passwords";
import { DEMO_PASSWORD, demoOrganisations, demoRegions, demoUsers } from "./demo-region";

/**
 * Seeds the demo region into an empty database, in one transaction. Returns false (and writes nothing) when the
 * database already holds organisations.
 */
export async function seedDemoRegion(options: { db: Database }): Promise<boolean> {
  const passwordHashes = await Promise.all(demoUsers.map(() => hashPassword(DEMO_PASSWORD)));
  return withSystemTask(options.db, { task: "demo-seed" }, async (tx) => {
    // Serialise concurrent seeders on one database.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ketenportaal.seed-demo-region'))`);
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing) return false;

    const regionIds = new Map<string, string>();
    for (const region of demoRegions) {
      const [row] = await tx
        .insert(regions)
        .values({ slug: region.slug, name: region.name })
        .returning({ id: regions.id });
      if (!row) throw new Error("region insert returned nothing");
      regionIds.set(region.slug, row.id);
      await tx
        .insert(municipalities)
        .values(region.municipalities.map((m) => ({ code: m.code, name: m.name, regionId: row.id })));
    }

    const teamIds = new Map<string, string>();
    const organisationIds = new Map<string, string>();
    for (const organisation of demoOrganisations) {
      const [row] = await tx
        .insert(organisations)
        .values({
          slug: organisation.slug,
          name: organisation.name,
          kind: organisation.kind,
          oin: organisation.oin,
          municipalityCode: organisation.municipalityCode ?? null,
        })
        .returning({ id: organisations.id });
      if (!row) throw new Error("organisation insert returned nothing");
      organisationIds.set(organisation.slug, row.id);
      for (const team of organisation.teams) {
        const [teamRow] = await tx
          .insert(teams)
          .values({ organisationId: row.id, name: team.name, notificationEmail: team.email })
          .returning({ id: teams.id });
        if (!teamRow) throw new Error("team insert returned nothing");
        teamIds.set(`${organisation.slug}/${team.name}`, teamRow.id);
        await tx
          .insert(teamMunicipalities)
          .values(team.municipalities.map((code) => ({ teamId: teamRow.id, municipalityCode: code })));
      }
    }

    const userIds = new Map<string, string>();
    for (const [index, user] of demoUsers.entries()) {
      const [row] = await tx
        .insert(users)
        .values({ email: user.email, name: user.name, passwordHash: passwordHashes[index] ?? null })
        .returning({ id: users.id });
      if (!row) throw new Error("user insert returned nothing");
      userIds.set(user.email, row.id);
      await tx.insert(memberships).values({
        userId: row.id,
        organisationId: organisationIds.get(user.organisation) ?? fail(user.organisation),
        teamId: user.team ? (teamIds.get(`${user.organisation}/${user.team}`) ?? fail(user.team)) : null,
        role: user.role,
      });
    }

    for (const region of demoRegions) {
      await tx
        .update(regions)
        .set({ contactUserId: userIds.get(region.contact) ?? fail(region.contact) })
        .where(eq(regions.id, regionIds.get(region.slug) ?? fail(region.slug)));
    }

    await writeAudit(tx, {
      onBehalfOf: "demo-seed",
      purpose: "beheer",
      action: "create",
      objectType: "demo_region",
      outcome: "success",
    });
    return true;
  });
}

function fail(name: string): never {
  throw new Error(`demo data refers to unknown ${name}`);
}
