/** The handover lifecycle, after the FHIR Task states: VT is the requester, the partner team the owner. */
export const handoverStatuses = [
  "draft",
  "offered",
  "accepted",
  "started",
  "completed",
  "declined",
  "withdrawn",
  "returned",
] as const;

export type HandoverStatus = (typeof handoverStatuses)[number];

/** A household in an open handover still waits for someone: these count in werkvoorraad and deadline checks. */
export const openHandoverStatuses = [
  "draft",
  "offered",
  "accepted",
  "started",
] as const satisfies readonly HandoverStatus[];

export const closedHandoverStatuses = [
  "completed",
  "declined",
  "withdrawn",
  "returned",
] as const satisfies readonly HandoverStatus[];

export type OpenHandoverStatus = (typeof openHandoverStatuses)[number];
export type ClosedHandoverStatus = (typeof closedHandoverStatuses)[number];

export function isOpenHandoverStatus({ status }: { status: HandoverStatus }): boolean {
  return (openHandoverStatuses as readonly HandoverStatus[]).includes(status);
}

export const handoverStatusLabels = {
  draft: "concept",
  offered: "aangeboden",
  accepted: "geaccepteerd",
  started: "gestart",
  completed: "afgerond",
  declined: "afgewezen",
  withdrawn: "ingetrokken",
  returned: "teruggemeld",
} as const satisfies Record<HandoverStatus, string>;
