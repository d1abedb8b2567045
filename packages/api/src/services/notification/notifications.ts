import { notifications } from "@ketenportaal/db";
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { UserContext } from "../../context";
import { writeListAudit } from "../audit/write-audit";

type Params = {
  caseReference?: string;
  teamName?: string;
  organisationName?: string;
  deadlineKind?: "acceptance" | "first_contact" | null;
  dueOn?: string | null;
  /** V&V notices: the trajectory they are about, for the link. */
  trajectoryId?: string;
  /** A change signal's notice: the case whose triage was re-opened, for the link. */
  caseId?: string;
};

/** The Dutch sentence for a notification, made when read so wording can improve without touching stored rows. */
export function describeNotification(kind: string, params: Params): string {
  const ref = params.caseReference ? `Overdracht ${params.caseReference}` : "Een overdracht";
  const team = params.teamName ?? "het team";
  const deadline = params.deadlineKind === "first_contact" ? "het eerste contact" : "de reactie op het aanbod";
  switch (kind) {
    case "handover_offered":
      return `${ref} is aangeboden aan ${team} door ${params.organisationName ?? "Veilig Thuis"}.`;
    case "handover_withdrawn":
      return `${ref} aan ${team} is ingetrokken door ${params.organisationName ?? "Veilig Thuis"}.`;
    case "handover_accepted":
      return `${ref} is geaccepteerd door ${team}.`;
    case "handover_declined":
      return `${ref} is afgewezen door ${team}.`;
    case "handover_started":
      return `${team} heeft het eerste contact met het huishouden gehad (${ref}).`;
    case "handover_completed":
      return `${ref} is afgerond door ${team}.`;
    case "handover_returned":
      return `${ref} is door ${team} teruggemeld aan Veilig Thuis: de veiligheid is in het geding.`;
    case "handover_assigned":
      return `${ref} is aan u toegewezen.`;
    case "handover_reminder":
      return `Herinnering: de termijn voor ${deadline} bij ${team} verloopt morgen (${ref}).`;
    case "handover_escalated":
      return `Termijn verlopen: ${deadline} bij ${team} is te laat (${ref}).`;
    case "vv_condition_due":
      return `Herinnering: een veiligheidsvoorwaarde (casus ${params.caseReference ?? "onbekend"}) moet uiterlijk ${params.dueOn ?? "binnenkort"} zijn nagekomen.`;
    case "vv_condition_overdue":
      return `Een veiligheidsvoorwaarde (casus ${params.caseReference ?? "onbekend"}) staat nog open na de termijn van ${params.dueOn ?? "onbekend"}.`;
    case "vv_monitoring_due":
      return `Herinnering: monitoringsmoment op ${params.dueOn ?? "binnenkort"} (casus ${params.caseReference ?? "onbekend"}).`;
    case "vv_monitoring_overdue":
      return `Het monitoringsmoment van ${params.dueOn ?? "onbekend"} (casus ${params.caseReference ?? "onbekend"}) is nog niet vastgelegd.`;
    case "change_signal_received":
      return `Veranderingssignaal bij casus ${params.caseReference ?? "onbekend"}: de triage is heropend, de veiligheidsbeoordeling moet uiterlijk ${params.dueOn ?? "binnenkort"} klaar zijn.`;
    case "vv_opened":
      return `${params.organisationName ?? "Veilig Thuis"} heeft met u een V&V-traject geopend (casus ${params.caseReference ?? "onbekend"}).`;
    default:
      return "Er is iets gewijzigd in een overdracht.";
  }
}

export async function listNotifications(options: {
  ctx: UserContext;
  page: { cursor?: string | undefined; limit: number; unreadOnly?: boolean | undefined };
}) {
  const { ctx, page } = options;
  const conditions: SQL[] = [eq(notifications.recipientUserId, ctx.principal.user.id)];
  if (page.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (page.cursor) {
    const [at, id] = Buffer.from(page.cursor, "base64url").toString().split("|");
    if (at && id) {
      const before = new Date(at);
      conditions.push(
        or(lt(notifications.createdAt, before), and(eq(notifications.createdAt, before), lt(notifications.id, id))) ??
          eq(notifications.id, id),
      );
    }
  }
  const rows = await ctx.tx
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map((n) => ({
    id: n.id,
    kind: n.kind,
    message: describeNotification(n.kind, n.params as Params),
    handoverId: n.handoverId,
    vvTrajectoryId: (n.params as Params).trajectoryId ?? null,
    triageCaseId: n.kind === "change_signal_received" ? ((n.params as Params).caseId ?? null) : null,
    createdAt: n.createdAt,
    readAt: n.readAt,
  }));
  await writeListAudit(ctx, { purpose: "handover", objectType: "notification", ids: items.map((item) => item.id) });
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}

export async function countUnreadNotifications(options: { ctx: UserContext }) {
  const [row] = await options.ctx.tx
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, options.ctx.principal.user.id), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
}

/** Marks the given, this handover's, or all of my notifications read; someone else's are never touched. */
export async function markNotificationsRead(options: {
  ctx: UserContext;
  ids?: string[] | undefined;
  handoverId?: string | undefined;
  all?: boolean | undefined;
}) {
  const { ctx } = options;
  const mine = and(eq(notifications.recipientUserId, ctx.principal.user.id), isNull(notifications.readAt));
  let which: SQL | undefined;
  if (options.all) which = mine;
  else if (options.handoverId) which = and(mine, eq(notifications.handoverId, options.handoverId));
  else if (options.ids?.length) which = and(mine, inArray(notifications.id, options.ids));
  if (!which) return { updated: 0 };
  const rows = await ctx.tx
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(which)
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
