import { tableMeetings, users } from "@ketenportaal/db";
import { TableRuleError } from "@ketenportaal/domain";
import { eq, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";

/** Turns a refused table rule into the caller's Dutch refusal, pointing at the fields a form should mark. */
export function refuseTableRule<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!(error instanceof TableRuleError)) throw error;
    const fieldErrors: Record<string, string[]> = {};
    for (const missing of error.missingFields) fieldErrors[missing.field] = [missing.message];
    throw new DomainRefusal("BAD_REQUEST", error.message, Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {});
  }
}

/** One audit row for a table action or read, with the case when there is one. */
export function auditTable(
  ctx: AuthedContext,
  entry: {
    action: "create" | "read" | "update" | "delete" | "execute";
    objectType: string;
    objectId: string;
    caseId?: string | null;
  },
) {
  return writeAudit(ctx.tx, {
    occurredAt: ctx.now(),
    ...auditActorOf(ctx),
    purpose: "handover_table",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId ?? null,
    outcome: "success",
  });
}

/**
 * Every change to a meeting or its agenda raises the meeting's version. The row lock this takes also orders
 * concurrent decisions on one meeting, so its events' sequence numbers follow the commit order.
 */
export async function bumpMeetingVersion(ctx: AuthedContext, meetingId: string): Promise<number> {
  const [row] = await ctx.tx
    .update(tableMeetings)
    .set({ version: sql`${tableMeetings.version} + 1`, updatedAt: ctx.now() })
    .where(eq(tableMeetings.id, meetingId))
    .returning({ version: tableMeetings.version });
  if (!row) throw new Error("meeting vanished");
  return row.version;
}

export const MEETING_NOT_FOUND = "Deze overdrachtstafel bestaat niet of uw organisatie neemt er niet aan deel.";

export function meetingChangedMessage(): string {
  return "Deze overdrachtstafel is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";
}

/** Tells the loser of a race on one agenda item who decided it, and when. */
export async function describeItemChange(
  ctx: AuthedContext,
  item: { decidedByUserId: string | null; decidedAt: Date | null },
): Promise<string> {
  if (!item.decidedByUserId || !item.decidedAt) {
    return "Dit agendapunt is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";
  }
  const [person] = await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, item.decidedByUserId));
  const when = new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(item.decidedAt);
  return `Iemand anders was u voor: over deze casus is al besloten door ${person?.name ?? "een collega"} op ${when}. Bekijk de nieuwe stand.`;
}
