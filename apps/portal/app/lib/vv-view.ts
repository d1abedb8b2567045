import { nl } from "../messages/nl";
import type { VvDetail, VvSummary } from "./api-types";
import { formatDate, formatDateTime, formatLocalDate } from "./format";

const l = nl.vvList;
const d = nl.vvDetail;

export type VvRow = {
  id: string;
  href: string;
  reference: string;
  linkLabel: string;
  status: string;
  municipality: string;
  partner: string;
  workers: string;
  conditions: string;
  monitoring: string;
  /** Something is late: a condition past its date or a monitoring moment not recorded in time. */
  overdue: boolean;
};

export function vvRowOf(trajectory: VvSummary): VvRow {
  const monitoringOverdue = trajectory.overdueMonitoringCount > 0;
  return {
    id: trajectory.id,
    href: `/voorwaarden-en-vervolg/${trajectory.id}`,
    reference: trajectory.caseReference,
    linkLabel: l.referenceLink(trajectory.caseReference),
    status: nl.vvStatus[trajectory.status],
    municipality: trajectory.municipality.name,
    partner: trajectory.partnerOrganisation.name,
    workers: `${trajectory.vtWorker.name}, ${trajectory.partnerWorker.name}`,
    conditions: l.openConditions(trajectory.openConditionCount, trajectory.overdueConditionCount),
    monitoring: monitoringOverdue
      ? l.overdueMonitoring
      : trajectory.nextMonitoringOn
        ? formatLocalDate(trajectory.nextMonitoringOn)
        : l.noMonitoring,
    overdue: monitoringOverdue || trajectory.overdueConditionCount > 0,
  };
}

export type ConditionView = {
  id: string;
  version: number;
  index: number;
  text: string;
  rows: { key: string; label: string; value: string }[];
  status: VvDetail["conditions"][number]["status"];
  overdue: boolean;
  history: { id: number; at: string; author: string; change: string; note: string }[];
};

function conditionViewOf(condition: VvDetail["conditions"][number], index: number): ConditionView {
  return {
    id: condition.id,
    version: condition.version,
    index,
    text: condition.text,
    rows: [
      { key: "owner", label: d.owner, value: nl.conditionOwners[condition.owner] },
      { key: "dueOn", label: d.dueOn, value: formatLocalDate(condition.dueOn) },
      { key: "status", label: d.conditionStatus, value: nl.conditionStatus[condition.status] },
    ],
    status: condition.status,
    overdue: condition.overdue,
    history: condition.history.map((entry) => {
      const parts: string[] = [];
      if (entry.fromStatus !== entry.toStatus || entry.fromStatus === null) {
        parts.push(
          d.historyChange(
            entry.fromStatus ? nl.conditionStatus[entry.fromStatus] : null,
            nl.conditionStatus[entry.toStatus],
          ),
        );
      }
      if (entry.fromDueOn && entry.fromDueOn !== entry.toDueOn) {
        parts.push(d.dueChange(formatLocalDate(entry.fromDueOn), formatLocalDate(entry.toDueOn)));
      }
      if (entry.monitoringMomentId) parts.push(d.fromMonitoring);
      return {
        id: entry.id,
        at: formatDateTime(entry.at),
        author: d.personOrganisation(entry.author.name, entry.author.organisation),
        change: parts.join(", "),
        note: entry.note?.trim() || d.noNote,
      };
    }),
  };
}

export type MomentView = {
  id: string;
  version: number;
  date: string;
  state: string;
  overdue: boolean;
  recorded: boolean;
  attendees: string;
  outcome: string | null;
  assessments: string[];
};

function momentViewOf(moment: VvDetail["monitoringMoments"][number], conditions: readonly ConditionView[]): MomentView {
  const indexOf = new Map(conditions.map((condition) => [condition.id, condition.index]));
  return {
    id: moment.id,
    version: moment.version,
    date: formatLocalDate(moment.scheduledOn),
    state: nl.monitoringStates[moment.state],
    overdue: moment.state === "overdue",
    recorded: moment.state === "recorded",
    attendees: moment.attendees.map((person) => person.name).join(", "),
    outcome: moment.outcome,
    assessments: moment.assessments.map((assessment) =>
      d.assessment(d.conditionHeading(indexOf.get(assessment.conditionId) ?? 0), nl.conditionStatus[assessment.status]),
    ),
  };
}

/** The trajectory page: facts, conditions with their history, monitoring moments and the shared timeline. */
export function vvDetailViewOf(trajectory: VvDetail) {
  const conditions = trajectory.conditions.map((condition, index) => conditionViewOf(condition, index + 1));
  const facts: { key: string; label: string; value: string }[] = [
    { key: "status", label: d.status, value: nl.vvStatus[trajectory.status] },
    { key: "municipality", label: d.municipality, value: trajectory.municipality.name },
    { key: "priority", label: d.priority, value: nl.priorities[trajectory.priority] },
    { key: "vtWorker", label: d.vtWorker, value: trajectory.vtWorker.name },
    { key: "partner", label: d.partner, value: trajectory.partnerOrganisation.name },
    { key: "partnerWorker", label: d.partnerWorker, value: trajectory.partnerWorker.name },
    { key: "openedAt", label: d.openedAt, value: formatDate(trajectory.openedAt) },
  ];
  if (trajectory.tableItemId) facts.push({ key: "fromTable", label: d.fromTable, value: nl.forms.yes });
  if (trajectory.closedAt) facts.push({ key: "closedAt", label: d.closedAt, value: formatDate(trajectory.closedAt) });
  if (trajectory.outcomeCode && trajectory.outcomeCode in nl.vvOutcomes) {
    facts.push({
      key: "outcome",
      label: d.outcome,
      value: nl.vvOutcomes[trajectory.outcomeCode as keyof typeof nl.vvOutcomes],
    });
  }
  if (trajectory.outcomeText) facts.push({ key: "outcomeText", label: d.outcomeText, value: trajectory.outcomeText });
  if (trajectory.followUp) {
    facts.push({
      key: "followUp",
      label: d.followUp,
      value: d.followUpValue(trajectory.followUp.person.name, trajectory.followUp.organisation.name),
    });
  }
  return {
    id: trajectory.id,
    version: trajectory.version,
    reference: trajectory.caseReference,
    side: trajectory.side,
    closed: trajectory.status === "closed",
    allowed: trajectory.allowedActions,
    facts,
    conditions,
    moments: trajectory.monitoringMoments.map((moment) => momentViewOf(moment, conditions)),
    timeline: trajectory.timeline.map((entry) => ({
      id: entry.id,
      text: entry.text,
      by: d.timelineBy(entry.author.name, entry.author.organisation, formatDateTime(entry.at)),
    })),
  };
}

export type VvDetailView = ReturnType<typeof vvDetailViewOf>;
