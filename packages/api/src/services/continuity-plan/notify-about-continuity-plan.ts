import {
  continuityPlans,
  mailOutbox,
  memberships,
  organisations,
  type Transaction,
  teams,
  users,
} from "@ketenportaal/db";
import { type ContinuityService, continuityServiceNames } from "@ketenportaal/domain";
import { type ContinuityPlanEvent, topics, ZContinuityPlanEventPayload } from "@ketenportaal/events";
import { renderContinuityPlanMail } from "@ketenportaal/mail";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { ApiConfig } from "../../context";
import { writeOutboxEvent } from "../outbox/write-outbox-event";

export type ContinuityPlanRow = typeof continuityPlans.$inferSelect;

/**
 * Tells every partner organisation and gemeente that the plan started or ended: one outbox event (ids, dates and
 * service codes) and one e-mail per address, in the caller's transaction. The plan's version goes up by one so the
 * event's sequence grows, and the `*_notified_at` mark makes sure each notice goes out once.
 */
export async function notifyAboutContinuityPlan(options: {
  tx: Transaction;
  plan: ContinuityPlanRow;
  event: ContinuityPlanEvent;
  config: ApiConfig;
  now: Date;
}): Promise<ContinuityPlanRow> {
  const { tx, plan, event, now } = options;
  const [updated] = await tx
    .update(continuityPlans)
    .set({
      version: plan.version + 1,
      ...(event === "started" ? { startNotifiedAt: now } : { endNotifiedAt: now }),
    })
    .where(and(eq(continuityPlans.id, plan.id), eq(continuityPlans.version, plan.version)))
    .returning();
  if (!updated) throw new Error("continuity plan changed while notifying");

  const [owner] = await tx
    .select({ name: organisations.name, oin: organisations.oin })
    .from(organisations)
    .where(eq(organisations.id, plan.organisationId));
  const services = updated.services as ContinuityService[];
  // The strict contract keeps anything but ids, dates and codes out.
  const payload = ZContinuityPlanEventPayload.parse({
    planId: updated.id,
    organisationId: updated.organisationId,
    startsOn: updated.startsOn,
    expectedEndOn: updated.expectedEndOn,
    ...(event === "ended" && updated.endedOn ? { endedOn: updated.endedOn } : {}),
    ...(event === "ended" && updated.endReason ? { endReason: updated.endReason } : {}),
    services,
    version: updated.version,
    occurredAt: now.toISOString(),
  });
  await writeOutboxEvent({
    tx,
    aggregate: "continuity_plan",
    aggregateId: updated.id,
    event,
    sequence: updated.version,
    organisationId: updated.organisationId,
    organisationOin: owner?.oin ?? null,
    topic: topics.continuityPlan,
    payload,
    now,
  });

  const template = event === "started" ? "continuity_plan_started" : "continuity_plan_ended";
  const mail = renderContinuityPlanMail({
    template,
    params: {
      link: `${options.config.publicUrl.replace(/\/$/, "")}/`,
      organisationName: owner?.name ?? "Veilig Thuis",
      startsOn: updated.startsOn,
      expectedEndOn: updated.expectedEndOn,
      endedOn: updated.endedOn,
      serviceNames: services.map((service) => continuityServiceNames[service]),
    },
  });
  const addresses = await listPartnerAddresses(tx, updated.organisationId);
  if (addresses.length > 0) {
    await tx.insert(mailOutbox).values(
      addresses.map((toAddress) => ({
        toAddress,
        template,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
      })),
    );
  }
  return updated;
}

/**
 * Every other active organisation's team notification addresses. A gemeente has no teams: its active members'
 * own addresses stand in (the mail holds no personal data, whoever gets it).
 */
async function listPartnerAddresses(tx: Transaction, vtOrganisationId: string): Promise<string[]> {
  const others = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.active, true), ne(organisations.id, vtOrganisationId), ne(organisations.kind, "vt")));
  const ids = others.map((o) => o.id);
  if (ids.length === 0) return [];
  const teamRows = await tx
    .select({ organisationId: teams.organisationId, email: teams.notificationEmail })
    .from(teams)
    .where(inArray(teams.organisationId, ids));
  const withTeams = new Set(teamRows.map((t) => t.organisationId));
  const withoutTeams = ids.filter((id) => !withTeams.has(id));
  const memberRows =
    withoutTeams.length > 0
      ? await tx
          .select({ email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(inArray(memberships.organisationId, withoutTeams), eq(users.active, true)))
      : [];
  return [...new Set([...teamRows, ...memberRows].map((row) => row.email.toLowerCase()))].sort();
}
