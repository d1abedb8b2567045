import { nl } from "../messages/nl";
import type { TableDetail, TableMinutes, TableSummary } from "./api-types";
import { formatDate, formatDateTime, formatLocalDate, formatLongDate } from "./format";

const m = nl.tables;
const dm = nl.tableDetail;
const mm = nl.tableMinutes;

const time = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" });

/** "donderdag 3 december 2026, 14:00": when a meeting is, as people at the table say it. */
export function formatMeetingMoment(value: Date): string {
  return `${formatLongDate(value)}, ${time.format(value)}`;
}

export type TableRow = {
  id: string;
  href: string;
  when: string;
  linkLabel: string;
  region: string;
  chair: string;
  participants: string;
  items: string;
  status: string;
};

export function tableRowOf(meeting: TableSummary): TableRow {
  const when = formatMeetingMoment(meeting.scheduledAt);
  return {
    id: meeting.id,
    href: `/overdrachtstafels/${meeting.id}`,
    when,
    linkLabel: m.meetingLink(meeting.region.name, when),
    region: meeting.region.name,
    chair: meeting.chair.name,
    participants: meeting.participants.map((participant) => participant.name).join(", "),
    items: m.itemCount(meeting.itemCount, meeting.undecidedCount),
    status: nl.tableStatus[meeting.status],
  };
}

export type AgendaItemView = {
  id: string;
  version: number;
  heading: string;
  reference: string;
  rows: { key: string; label: string; value: string }[];
  decided: boolean;
  receivedByMe: boolean;
  links: { key: string; href: string; label: string }[];
};

/** One agenda item: what every participant may read, and what followed from its decision. */
export function agendaItemViewOf(item: TableDetail["items"][number]): AgendaItemView {
  const rows: AgendaItemView["rows"] = [
    { key: "municipality", label: dm.municipality, value: item.municipality.name },
    { key: "priority", label: dm.priority, value: nl.priorities[item.priority] },
    { key: "reason", label: dm.reason, value: item.shortReason },
    { key: "decision", label: dm.decision, value: item.decision ? nl.tableDecisions[item.decision] : dm.noDecision },
  ];
  if (item.postponedFromItemId)
    rows.splice(3, 0, { key: "postponedFrom", label: dm.postponedFrom, value: nl.forms.yes });
  if (item.receivingOrganisation) {
    rows.push({ key: "receiving", label: dm.receivingOrganisation, value: item.receivingOrganisation.name });
  }
  if (item.targetTeam) rows.push({ key: "team", label: dm.team, value: item.targetTeam.name });
  if (item.postponedTo) {
    rows.push({ key: "postponedTo", label: dm.postponedTo, value: formatMeetingMoment(item.postponedTo.scheduledAt) });
  }
  if (item.decisionNote) rows.push({ key: "note", label: dm.decisionNote, value: item.decisionNote });
  const links: AgendaItemView["links"] = [];
  if (item.handoverId)
    links.push({ key: "handover", href: `/overdrachten/${item.handoverId}`, label: dm.openHandover });
  if (item.vvTrajectoryId) {
    links.push({ key: "vv", href: `/voorwaarden-en-vervolg/${item.vvTrajectoryId}`, label: dm.openTrajectory });
  }
  if (item.postponedTo) {
    links.push({ key: "next", href: `/overdrachtstafels/${item.postponedTo.id}`, label: dm.openNextMeeting });
  }
  return {
    id: item.id,
    version: item.version,
    heading: dm.itemHeading(item.position, item.caseReference),
    reference: item.caseReference,
    rows,
    decided: item.decision !== null,
    receivedByMe: item.receivedByMe,
    links,
  };
}

export type MeetingView = {
  id: string;
  version: number;
  region: string;
  when: string;
  status: string;
  closed: boolean;
  closedAt: string | null;
  chair: string;
  participants: string[];
  view: TableDetail["view"];
  allowed: TableDetail["allowedActions"];
  items: AgendaItemView[];
};

export function meetingViewOf(meeting: TableDetail): MeetingView {
  return {
    id: meeting.id,
    version: meeting.version,
    region: meeting.region.name,
    when: formatMeetingMoment(meeting.scheduledAt),
    status: nl.tableStatus[meeting.status],
    closed: meeting.status === "closed",
    closedAt: meeting.closedAt ? formatDateTime(meeting.closedAt) : null,
    chair: meeting.chair.name,
    participants: [dm.organiser(meeting.organisation.name), ...meeting.participants.map((p) => p.name)],
    view: meeting.view,
    allowed: meeting.allowedActions,
    items: [...meeting.items].sort((a, b) => a.position - b.position).map(agendaItemViewOf),
  };
}

export type MinutesRow = {
  position: number;
  reference: string;
  municipality: string;
  decision: string;
  receiving: string;
  deadline: string;
};

/** One line of the minutes: case reference only, the decision, who receives the case and by when. */
export function minutesRowOf(item: TableMinutes["items"][number]): MinutesRow {
  const receiving = [item.receivingOrganisation?.name, item.targetTeam].filter(Boolean).join(", ");
  const deadline = item.firstContactDueOn
    ? mm.firstContactBy(formatLocalDate(item.firstContactDueOn))
    : item.postponedTo
      ? mm.postponedTo(formatDate(item.postponedTo))
      : mm.none;
  return {
    position: item.position,
    reference: item.caseReference,
    municipality: item.municipality.name,
    decision: item.decision ? nl.tableDecisions[item.decision] : mm.undecided,
    receiving: receiving || mm.none,
    deadline,
  };
}

export function minutesViewOf(minutes: TableMinutes) {
  return {
    id: minutes.id,
    region: minutes.region.name,
    when: formatMeetingMoment(minutes.scheduledAt),
    final: minutes.final,
    closedAt: minutes.closedAt ? formatDateTime(minutes.closedAt) : null,
    chair: minutes.chair.name,
    participants: [minutes.organisation.name, ...minutes.participants.map((p) => p.name)].join(", "),
    rows: [...minutes.items].sort((a, b) => a.position - b.position).map(minutesRowOf),
  };
}
