import { nl } from "../messages/nl";
import type { HandoverSummary } from "./api-types";
import { describeDeadline } from "./deadlines";

/** One row of a list of handovers, ready to show: no personal data, texts formatted on the server. */
export type HandoverRow = {
  id: string;
  reference: string;
  status: HandoverSummary["status"];
  municipality: string;
  priority: string;
  targetTeam: string;
  offeredBy: string;
  deadline: string | null;
  overdue: boolean;
};

export function handoverRowOf(summary: HandoverSummary): HandoverRow {
  return {
    id: summary.id,
    reference: summary.caseReference,
    status: summary.status,
    municipality: summary.municipality.name,
    priority: nl.priorities[summary.priority],
    targetTeam: nl.handoverDetail.targetTeamValue(summary.targetTeam.name, summary.targetOrganisation.name),
    offeredBy: summary.organisation.name,
    deadline: summary.currentDeadline ? describeDeadline(summary.currentDeadline, summary.overdue) : null,
    overdue: summary.overdue,
  };
}
