import { type Database, deadlineAlerts, handovers } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { addWorkingDays, toAmsterdamDate } from "@ketenportaal/domain";
import { and, eq, gte, lt, lte, notExists, sql } from "drizzle-orm";
import type { ApiConfig } from "../../context";
import { watchContinuityPlans } from "../continuity-plan/watch-continuity-plans";
import { announceReadyReports } from "../report-notice/announce-ready-reports";
import { watchVvDeadlines } from "../vv/watch-vv-deadlines";
import { loadHandover } from "./load-handover";
import { notifyAboutHandover } from "./notify-about-handover";
import { applyHandoverCommand } from "./run-handover-command";

type DeadlineKind = "acceptance" | "first_contact";
type Alert = { handoverId: string; deadlineKind: DeadlineKind; dueOn: string; stage: "reminder" | "escalation" };

const BATCH = 200;

/**
 * One pass of the deadline watch at `now`: a reminder one working day before an acceptance or first-contact
 * deadline, an escalation to the region's aanspreekpunt once it has passed. Each alert is raised in its own
 * transaction together with a `deadline_alerts` row, so a second pass for the same moment (or a second bridge
 * running at the same time) raises nothing new.
 */
export async function watchHandoverDeadlines(options: {
  db: Database;
  now: Date;
  config: ApiConfig;
}): Promise<{ reminders: number; escalations: number }> {
  const today = toAmsterdamDate({ instant: options.now });
  const reminderHorizon = addWorkingDays({ date: today, days: 1 });
  const counts = { reminders: 0, escalations: 0 };

  for (const kind of ["acceptance", "first_contact"] as const) {
    const status = kind === "acceptance" ? "offered" : "accepted";
    const dueColumn = kind === "acceptance" ? handovers.acceptanceDueOn : handovers.firstContactDueOn;
    for (const stage of ["escalation", "reminder"] as const) {
      const alertKind = `${kind}_${stage}`;
      const window =
        stage === "escalation" ? lt(dueColumn, today) : and(gte(dueColumn, today), lte(dueColumn, reminderHorizon));
      for (;;) {
        // The scan spans organisations: the worker role, like each alert below.
        const due = await withSystemTask(options.db, { task: "deadline-watch" }, (tx) =>
          tx
            .select({ handoverId: handovers.id, dueOn: dueColumn })
            .from(handovers)
            .where(
              and(
                eq(handovers.status, status),
                window,
                notExists(
                  tx
                    .select({ one: sql`1` })
                    .from(deadlineAlerts)
                    .where(
                      and(
                        eq(deadlineAlerts.handoverId, handovers.id),
                        eq(deadlineAlerts.kind, alertKind),
                        eq(deadlineAlerts.dueOn, dueColumn),
                      ),
                    ),
                ),
              ),
            )
            .limit(BATCH),
        );
        let raised = 0;
        for (const row of due) {
          if (!row.dueOn) continue;
          const alert: Alert = { handoverId: row.handoverId, deadlineKind: kind, dueOn: row.dueOn, stage };
          if (await raiseAlert({ ...options, alert, alertKind })) raised++;
        }
        if (stage === "reminder") counts.reminders += raised;
        else counts.escalations += raised;
        if (due.length < BATCH) break;
      }
    }
  }
  return counts;
}

async function raiseAlert(options: {
  db: Database;
  now: Date;
  config: ApiConfig;
  alert: Alert;
  alertKind: string;
}): Promise<boolean> {
  const { alert } = options;
  return withSystemTask(
    options.db,
    { task: "deadline-watch", requestId: `deadline-watch-${options.now.toISOString()}` },
    async (tx) => {
      const [claimed] = await tx
        .insert(deadlineAlerts)
        .values({ handoverId: alert.handoverId, kind: options.alertKind, dueOn: alert.dueOn, createdAt: options.now })
        .onConflictDoNothing()
        .returning({ id: deadlineAlerts.id });
      if (!claimed) return false;
      const loaded = await loadHandover(tx, alert.handoverId);
      // Moved on since the query (accepted, withdrawn...): nothing to remind anyone of.
      const expected = alert.deadlineKind === "acceptance" ? "offered" : "accepted";
      if (!loaded || loaded.handover.status !== expected) return false;
      if (alert.stage === "escalation") {
        await applyHandoverCommand({
          tx,
          actor: { kind: "system", name: "deadline-watch" },
          command: { kind: "escalate", id: alert.handoverId, deadlineKind: alert.deadlineKind, dueOn: alert.dueOn },
          now: options.now,
          config: options.config,
          requestId: null,
          clientAddress: null,
        });
      } else {
        await notifyAboutHandover({
          tx,
          event: "reminder",
          handover: loaded.handover,
          loaded,
          config: options.config,
          deadlineKind: alert.deadlineKind,
          dueOn: alert.dueOn,
        });
      }
      return true;
    },
  );
}

/**
 * The watch as a bridge task (handover, V&V, continuity plan and report dates): runs at most once per interval, on
 * the clock it is given.
 */
export function createDeadlineWatchTask(options: { config: ApiConfig; clock?: () => Date; intervalMs?: number }) {
  const clock = options.clock ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 60_000;
  let lastRun = Number.NEGATIVE_INFINITY;
  return {
    name: "deadline-watch",
    run: async ({ db }: { db: Database }) => {
      const now = clock();
      if (now.getTime() - lastRun < intervalMs) return;
      lastRun = now.getTime();
      await watchHandoverDeadlines({ db, now, config: options.config });
      await watchVvDeadlines({ db, now, config: options.config });
      // The continuity plan's first and past-last days are dates too: announced here (watch-continuity-plans.ts).
      await watchContinuityPlans({ db, now, config: options.config });
      // The end of a fortnight is a date as well: the gemeenten hear their two-week report is ready.
      await announceReadyReports({ db, now, config: options.config });
    },
  };
}
