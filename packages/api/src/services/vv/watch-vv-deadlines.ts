import {
  cases,
  type Database,
  mailOutbox,
  notifications,
  organisations,
  users,
  vvConditions,
  vvMonitoringMoments,
  vvTrajectories,
} from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { addWorkingDays, toAmsterdamDate, vvDeadlineStage } from "@ketenportaal/domain";
import { renderVvMail, type VvMailTemplate } from "@ketenportaal/mail";
import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { ApiConfig } from "../../context";

type Notice = { trajectoryId: string; subject: "condition" | "monitoring"; subjectId: string; date: string };

/**
 * One pass of the V&V deadline watch: an open condition due (one working day before) or past its date, and an
 * unrecorded monitoring moment due or past its day, each give both workers a notice and an e-mail — once per
 * subject, stage and date. Runs beside the handover watch in the bridge.
 */
export async function watchVvDeadlines(options: { db: Database; now: Date; config: ApiConfig }) {
  const today = toAmsterdamDate({ instant: options.now });
  const horizon = addWorkingDays({ date: today, days: 1 });
  // The scan spans organisations: the worker role, like each notice below.
  const scan = withSystemTask(options.db, { task: "deadline-watch" }, async (tx) => {
    const conditionRows = await tx
      .select({ trajectoryId: vvConditions.trajectoryId, subjectId: vvConditions.id, date: vvConditions.dueOn })
      .from(vvConditions)
      .innerJoin(vvTrajectories, eq(vvTrajectories.id, vvConditions.trajectoryId))
      .where(and(eq(vvTrajectories.status, "open"), eq(vvConditions.status, "open"), lte(vvConditions.dueOn, horizon)));
    const momentRows = await tx
      .select({
        trajectoryId: vvMonitoringMoments.trajectoryId,
        subjectId: vvMonitoringMoments.id,
        date: vvMonitoringMoments.scheduledOn,
      })
      .from(vvMonitoringMoments)
      .innerJoin(vvTrajectories, eq(vvTrajectories.id, vvMonitoringMoments.trajectoryId))
      .where(
        and(
          eq(vvTrajectories.status, "open"),
          isNull(vvMonitoringMoments.recordedAt),
          lte(vvMonitoringMoments.scheduledOn, horizon),
        ),
      );
    return { conditionRows, momentRows };
  });
  const { conditionRows, momentRows } = await scan;
  let raised = 0;
  const notices: Notice[] = [
    ...conditionRows.map((row) => ({ ...row, subject: "condition" as const })),
    ...momentRows.map((row) => ({ ...row, subject: "monitoring" as const })),
  ];
  for (const notice of notices) {
    if (await raiseNotice({ ...options, notice, today })) raised++;
  }
  return { notices: raised };
}

async function raiseNotice(options: {
  db: Database;
  now: Date;
  config: ApiConfig;
  notice: Notice;
  today: string;
}): Promise<boolean> {
  const { notice } = options;
  const stage = vvDeadlineStage({ date: notice.date, today: options.today });
  if (!stage) return false;
  const kind: VvMailTemplate = `vv_${notice.subject}_${stage}`;
  return withSystemTask(
    options.db,
    { task: "deadline-watch", requestId: `deadline-watch-${options.now.toISOString()}` },
    async (tx) => {
      // Serialises watchers on this one notice, so the check below sees what another watcher just committed.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`${kind}:${notice.subjectId}:${notice.date}`}, 0))`,
      );
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, kind),
            sql`${notifications.params}->>'subjectId' = ${notice.subjectId}`,
            sql`${notifications.params}->>'date' = ${notice.date}`,
          ),
        )
        .limit(1);
      if (already) return false;
      const [trajectory] = await tx
        .select({
          id: vvTrajectories.id,
          status: vvTrajectories.status,
          vtWorkerUserId: vvTrajectories.vtWorkerUserId,
          partnerWorkerUserId: vvTrajectories.partnerWorkerUserId,
          partnerOrganisationName: organisations.name,
          caseReference: cases.reference,
        })
        .from(vvTrajectories)
        .innerJoin(organisations, eq(organisations.id, vvTrajectories.partnerOrganisationId))
        .innerJoin(cases, eq(cases.id, vvTrajectories.caseId))
        .where(eq(vvTrajectories.id, notice.trajectoryId));
      if (trajectory?.status !== "open") return false;
      const recipients = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          and(inArray(users.id, [trajectory.vtWorkerUserId, trajectory.partnerWorkerUserId]), eq(users.active, true)),
        );
      if (recipients.length === 0) return false;
      await tx.insert(notifications).values(
        recipients.map((recipient) => ({
          recipientUserId: recipient.id,
          kind,
          params: {
            trajectoryId: trajectory.id,
            subjectId: notice.subjectId,
            date: notice.date,
            dueOn: notice.date,
            caseReference: trajectory.caseReference,
            organisationName: trajectory.partnerOrganisationName,
          },
          createdAt: options.now,
        })),
      );
      const mail = renderVvMail({
        template: kind,
        params: {
          link: `${options.config.publicUrl.replace(/\/$/, "")}/voorwaarden-en-vervolg/${trajectory.id}`,
          partnerOrganisationName: trajectory.partnerOrganisationName,
          date: notice.date,
        },
      });
      const addresses = [...new Set(recipients.map((r) => r.email.toLowerCase()))];
      await tx.insert(mailOutbox).values(
        addresses.map((toAddress) => ({
          toAddress,
          template: kind,
          subject: mail.subject,
          bodyText: mail.text,
          bodyHtml: mail.html,
          createdAt: options.now,
        })),
      );
      return true;
    },
  );
}
