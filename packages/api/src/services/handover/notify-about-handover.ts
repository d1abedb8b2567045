import { type handovers, mailOutbox, memberships, notifications, type Transaction, users } from "@ketenportaal/db";
import type { HandoverEvent } from "@ketenportaal/events";
import { type HandoverMailTemplate, renderHandoverMail } from "@ketenportaal/mail";
import { and, eq, inArray, or } from "drizzle-orm";
import type { ApiConfig } from "../../context";
import type { LoadedHandover } from "./load-handover";

export type HandoverNotice = HandoverEvent | "assigned" | "reminder";

/** In-portal notification kinds; their Dutch sentences are made when read (services/notification). */
export const notificationKinds = [
  "handover_offered",
  "handover_withdrawn",
  "handover_accepted",
  "handover_declined",
  "handover_started",
  "handover_completed",
  "handover_returned",
  "handover_assigned",
  "handover_escalated",
  "handover_reminder",
] as const;

/**
 * Tells the people who must know: the target team of an offer (its notification address and its members), the
 * offering VT worker of every decision, an assignee, the region's aanspreekpunt of an escalation. One e-mail per
 * address per event, without personal data.
 */
export async function notifyAboutHandover(options: {
  tx: Transaction;
  event: HandoverNotice | null;
  handover: typeof handovers.$inferSelect;
  loaded: LoadedHandover;
  config: ApiConfig;
  assigneeUserId?: string | null;
  deadlineKind?: "acceptance" | "first_contact" | null;
  dueOn?: string | null;
}): Promise<void> {
  const { event, handover, loaded, tx } = options;
  if (!event) return;
  const toPartner =
    event === "offered" || event === "withdrawn" || (event === "reminder" && options.deadlineKind === "acceptance");
  if (event === "withdrawn" && loaded.handover.status === "draft") return; // the partner never saw it

  let recipientUserIds: string[] = [];
  const extraAddresses: string[] = [];
  if (toPartner) {
    recipientUserIds = await partnerTeamMembers(tx, handover);
    extraAddresses.push(loaded.targetTeamEmail);
  } else if (event === "assigned" || (event === "reminder" && options.deadlineKind === "first_contact")) {
    const assignee = options.assigneeUserId ?? handover.assignedUserId;
    if (assignee) recipientUserIds = [assignee];
    else {
      recipientUserIds = await partnerTeamMembers(tx, handover);
      extraAddresses.push(loaded.targetTeamEmail);
    }
  } else if (event === "escalated") {
    if (loaded.regionContactUserId) recipientUserIds = [loaded.regionContactUserId];
  } else {
    recipientUserIds = [handover.offeringUserId];
  }
  const uniqueUserIds = [...new Set(recipientUserIds)];

  const params = {
    caseReference: loaded.caseReference,
    teamName: loaded.targetTeamName,
    organisationName: toPartner ? loaded.organisationName : loaded.targetOrganisationName,
    deadlineKind: options.deadlineKind ?? null,
    dueOn: options.dueOn ?? null,
  };
  const kind = `handover_${event}`;
  if (uniqueUserIds.length > 0) {
    await tx
      .insert(notifications)
      .values(uniqueUserIds.map((recipientUserId) => ({ recipientUserId, kind, handoverId: handover.id, params })));
  }

  // The in-portal notice is enough for a start: the VT worker follows that step on the timeline.
  if (event === "started") return;
  const userAddresses =
    uniqueUserIds.length > 0
      ? (
          await tx
            .select({ email: users.email })
            .from(users)
            .where(and(inArray(users.id, uniqueUserIds), eq(users.active, true)))
        ).map((u) => u.email)
      : [];
  // The team's own address stands for its members: they are not mailed one by one as well.
  const addresses = extraAddresses.length > 0 ? extraAddresses : userAddresses;
  const mail = renderHandoverMail({
    template: kind as HandoverMailTemplate,
    params: {
      link: `${options.config.publicUrl.replace(/\/$/, "")}/overdrachten/${handover.id}`,
      teamName: params.teamName,
      organisationName: params.organisationName,
      dueOn: options.dueOn ?? (event === "offered" ? handover.acceptanceDueOn : null),
      deadlineKind: options.deadlineKind ?? null,
    },
  });
  const unique = [...new Set(addresses.map((address) => address.toLowerCase()))];
  if (unique.length === 0) return;
  await tx.insert(mailOutbox).values(
    unique.map((toAddress) => ({
      toAddress,
      template: kind,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      handoverId: handover.id,
    })),
  );
}

async function partnerTeamMembers(tx: Transaction, handover: typeof handovers.$inferSelect): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(users.active, true),
        or(
          eq(memberships.teamId, handover.targetTeamId),
          and(
            eq(memberships.organisationId, handover.targetOrganisationId),
            eq(memberships.role, "partner_coordinator"),
          ),
        ),
      ),
    );
  return rows.map((r) => r.userId);
}
