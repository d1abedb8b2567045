import { type Database, mailOutbox, memberships, organisations, reportNotices, users } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { findReportNoticePeriod, lastCompleteTwoWeekPeriod, toAmsterdamDate } from "@ketenportaal/domain";
import { renderReportReadyMail, reportReadyMailTemplate } from "@ketenportaal/mail";
import { and, eq, isNotNull, notExists, sql } from "drizzle-orm";
import type { ApiConfig } from "../../context";
import { writeAudit } from "../audit/write-audit";

/**
 * Once a fortnight has ended, tells each active gemeente organisation's active beleidsmedewerkers (role
 * `policy_officer`) that the two-week report is ready: one e-mail each with the period and a link, no figures.
 * Run by the bridge's deadline watch every minute. Per organisation and period one transaction as the worker role
 * claims the `report_notices` row (its key decides between two bridges and across restarts) and writes the e-mails
 * and an audit row with it. Only the last ended fortnight, never older ones (domain `findReportNoticePeriod`).
 */
export async function announceReadyReports(options: {
  db: Database;
  now: Date;
  config: ApiConfig;
}): Promise<{ notices: number; mails: number }> {
  const { now } = options;
  const today = toAmsterdamDate({ instant: now });
  const period = lastCompleteTwoWeekPeriod({ today });
  const requestId = `report-notice-${now.toISOString()}`;
  const counts = { notices: 0, mails: 0 };

  const due = await withSystemTask(options.db, { task: "deadline-watch" }, (tx) =>
    tx
      .select({ id: organisations.id, createdAt: organisations.createdAt })
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, "municipality"),
          eq(organisations.active, true),
          isNotNull(organisations.municipalityCode),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(reportNotices)
              .where(
                and(eq(reportNotices.organisationId, organisations.id), eq(reportNotices.periodFrom, period.from)),
              ),
          ),
        ),
      ),
  );
  for (const organisation of due) {
    const noticePeriod = findReportNoticePeriod({
      today,
      organisationCreatedOn: toAmsterdamDate({ instant: organisation.createdAt }),
    });
    if (!noticePeriod) continue;
    const mails = await withSystemTask(options.db, { task: "deadline-watch", requestId }, async (tx) => {
      const [claimed] = await tx
        .insert(reportNotices)
        .values({
          organisationId: organisation.id,
          periodFrom: noticePeriod.from,
          periodTo: noticePeriod.to,
          notifiedAt: now,
        })
        .onConflictDoNothing()
        .returning({ organisationId: reportNotices.organisationId });
      if (!claimed) return null;
      const recipients = await tx
        .selectDistinct({ email: sql<string>`lower(${users.email})` })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, organisation.id),
            eq(memberships.role, "policy_officer"),
            eq(users.active, true),
          ),
        );
      const link = `${options.config.publicUrl.replace(/\/$/, "")}/rapportages?van=${noticePeriod.from}&tot=${noticePeriod.to}`;
      const mail = renderReportReadyMail({
        params: { link, periodFrom: noticePeriod.from, periodTo: noticePeriod.to },
      });
      const addresses = recipients.map((r) => r.email).sort();
      if (addresses.length > 0) {
        await tx.insert(mailOutbox).values(
          addresses.map((toAddress) => ({
            toAddress,
            template: reportReadyMailTemplate,
            subject: mail.subject,
            bodyText: mail.text,
            bodyHtml: mail.html,
          })),
        );
      }
      await writeAudit(tx, {
        occurredAt: now,
        organisationId: organisation.id,
        onBehalfOf: "report-notice",
        purpose: "report",
        action: "create",
        objectType: "report_notice",
        objectId: `${noticePeriod.from}/${noticePeriod.to}`,
        outcome: "success",
        requestId,
      });
      return addresses.length;
    });
    if (mails === null) continue;
    counts.notices++;
    counts.mails += mails;
  }
  return counts;
}
