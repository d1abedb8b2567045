/**
 * The overdrachtstafel: a regional meeting where VT and its partners decide, case by case, who takes a household
 * (DESIGN.md section 3). Every agenda item ends in exactly one decision; the meeting closes only when all have one.
 */
export const tableMeetingStatuses = ["planned", "closed"] as const;
export type TableMeetingStatus = (typeof tableMeetingStatuses)[number];

export const tableDecisionKinds = ["handover", "vv", "vt_keeps", "raad_request", "postpone"] as const;
export type TableDecisionKind = (typeof tableDecisionKinds)[number];

export const tableMeetingStatusLabels = {
  planned: "gepland",
  closed: "gesloten",
} as const satisfies Record<TableMeetingStatus, string>;

export const tableDecisionLabels = {
  handover: "overdracht",
  vv: "Voorwaarden & Vervolg",
  vt_keeps: "Veilig Thuis houdt de casus (onderzoek)",
  raad_request: "verzoek aan de Raad voor de Kinderbescherming",
  postpone: "uitgesteld naar de volgende tafel",
} as const satisfies Record<TableDecisionKind, string>;

/** Without a date of its own, a postponed case goes to a meeting this many days later (the usual rhythm). */
export const DEFAULT_TABLE_INTERVAL_DAYS = 14;

/** A decision as entered: every field optional, so one form and one API shape serve all five kinds. */
export type TableDecisionDraft = {
  kind: TableDecisionKind;
  targetTeamId?: string | null | undefined;
  /** The partner's participant at the table who accepts the handover for their organisation. */
  acceptedByUserId?: string | null | undefined;
  partnerOrganisationId?: string | null | undefined;
  partnerWorkerUserId?: string | null | undefined;
  vtWorkerUserId?: string | null | undefined;
  note?: string | null | undefined;
};

export type MissingDecisionField = { field: keyof TableDecisionDraft; message: string };

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === "";
}

const requiredFields: Record<TableDecisionKind, readonly MissingDecisionField[]> = {
  handover: [
    { field: "targetTeamId", message: "Kies het team dat de casus overneemt." },
    { field: "acceptedByUserId", message: "Kies wie de overdracht namens de ketenpartner aan tafel accepteert." },
  ],
  // V&V is never VT alone (seed 001): a VT worker and a named worker of the partner, always both.
  vv: [
    { field: "partnerOrganisationId", message: "Kies de ketenpartner die samen met Veilig Thuis oploopt." },
    { field: "partnerWorkerUserId", message: "Kies de medewerker van de ketenpartner." },
    { field: "vtWorkerUserId", message: "Kies de medewerker van Veilig Thuis." },
  ],
  vt_keeps: [],
  raad_request: [
    { field: "note", message: "Beschrijf waarom de Raad voor de Kinderbescherming om onderzoek wordt gevraagd." },
  ],
  postpone: [],
};

/** Everything this decision still lacks, all at once so the chair can fix it in one go. */
export function findMissingDecisionFields(decision: TableDecisionDraft): MissingDecisionField[] {
  return requiredFields[decision.kind].filter(({ field }) => {
    const value = decision[field];
    return typeof value !== "string" || isBlank(value);
  });
}

export type TableRuleErrorCode =
  | "meeting_closed"
  | "item_already_decided"
  | "item_decided"
  | "undecided_items"
  | "missing_fields";

/** A refused table action. The message is Dutch and safe to show as is. */
export class TableRuleError extends Error {
  override readonly name = "TableRuleError";
  readonly code: TableRuleErrorCode;
  readonly missingFields: readonly MissingDecisionField[];
  readonly undecidedItemIds: readonly string[];

  constructor(options: {
    code: TableRuleErrorCode;
    message: string;
    missingFields?: readonly MissingDecisionField[];
    undecidedItemIds?: readonly string[];
  }) {
    super(options.message);
    this.code = options.code;
    this.missingFields = options.missingFields ?? [];
    this.undecidedItemIds = options.undecidedItemIds ?? [];
  }
}

/** Cases can be put on and taken off the agenda until the meeting is closed; a decided item stays. */
export function assertAgendaEditable({ meetingStatus }: { meetingStatus: TableMeetingStatus }): void {
  if (meetingStatus === "closed") {
    throw new TableRuleError({ code: "meeting_closed", message: "Deze overdrachtstafel is gesloten." });
  }
}

export function assertItemRemovable(options: {
  meetingStatus: TableMeetingStatus;
  decision: TableDecisionKind | null;
}): void {
  assertAgendaEditable(options);
  if (options.decision !== null) {
    throw new TableRuleError({
      code: "item_decided",
      message: "Over deze casus is al besloten; een besluit haalt u niet meer van de agenda.",
    });
  }
}

/**
 * Checks one decision on one item. A decision is final: its follow-up (a handover, a trajectory, a later meeting)
 * already exists, so changing it would leave that follow-up behind.
 */
export function assertDecisionAllowed(options: {
  meetingStatus: TableMeetingStatus;
  currentDecision: TableDecisionKind | null;
  decision: TableDecisionDraft;
}): void {
  assertAgendaEditable(options);
  if (options.currentDecision !== null) {
    throw new TableRuleError({
      code: "item_already_decided",
      message: `Over deze casus is al besloten (${tableDecisionLabels[options.currentDecision]}).`,
    });
  }
  const missing = findMissingDecisionFields(options.decision);
  if (missing.length > 0) {
    throw new TableRuleError({
      code: "missing_fields",
      message: `Het besluit is nog niet compleet: ${missing.map((m) => m.message).join(" ")}`,
      missingFields: missing,
    });
  }
}

/** A meeting closes only when every item has a decision: the minutes then list them all. */
export function assertMeetingClosable(options: {
  meetingStatus: TableMeetingStatus;
  items: readonly { id: string; decision: TableDecisionKind | null }[];
}): void {
  assertAgendaEditable(options);
  const undecided = options.items.filter((item) => item.decision === null).map((item) => item.id);
  if (undecided.length > 0) {
    throw new TableRuleError({
      code: "undecided_items",
      message:
        undecided.length === 1
          ? "Er is nog 1 casus zonder besluit. Neem eerst over elke casus een besluit."
          : `Er zijn nog ${undecided.length} casussen zonder besluit. Neem eerst over elke casus een besluit.`,
      undecidedItemIds: undecided,
    });
  }
}

/** When the region has no later meeting, a postponed case goes to one this many days later, same time of day. */
export function nextMeetingMoment({ after, intervalDays }: { after: Date; intervalDays?: number }): Date {
  // Calendar days in UTC keep the Amsterdam wall-clock time except across a DST change, where an hour's shift is
  // harmless for a meeting the chair will set anyway.
  return new Date(after.getTime() + (intervalDays ?? DEFAULT_TABLE_INTERVAL_DAYS) * 24 * 60 * 60 * 1000);
}
