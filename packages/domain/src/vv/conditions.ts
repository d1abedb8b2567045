import type { LocalDate } from "../working-days";

/** Veiligheidsvoorwaarden: concrete conditions for safety, each with an owner, a due date and a status. */
export const vvConditionOwners = ["household", "partner", "vt"] as const;
export type VvConditionOwner = (typeof vvConditionOwners)[number];

export const vvConditionStatuses = ["open", "met", "not_met", "dropped"] as const;
export type VvConditionStatus = (typeof vvConditionStatuses)[number];

export const vvConditionOwnerLabels = {
  household: "huishouden",
  partner: "ketenpartner",
  vt: "Veilig Thuis",
} as const satisfies Record<VvConditionOwner, string>;

export const vvConditionStatusLabels = {
  open: "open",
  met: "nagekomen",
  not_met: "niet nagekomen",
  dropped: "vervallen",
} as const satisfies Record<VvConditionStatus, string>;

/**
 * Which status may follow which. A condition that was met can still fail later (not_met); one that was not met can
 * be agreed again (open) or met after all. Dropping is final: a new agreement is a new condition, so the history of
 * the old one stays readable.
 */
export const vvConditionChanges = {
  open: ["met", "not_met", "dropped"],
  met: ["not_met", "dropped"],
  not_met: ["open", "met", "dropped"],
  dropped: [],
} as const satisfies Record<VvConditionStatus, readonly VvConditionStatus[]>;

/** A refused change of a condition; the message is Dutch and safe to show. */
export class VvConditionChangeError extends Error {
  override readonly name = "VvConditionChangeError";
  readonly code: "not_allowed" | "note_missing" | "unchanged";

  constructor(code: VvConditionChangeError["code"], message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Checks a change of a condition's status. Every change carries a note (the shared record of why), and the
 * history keeps it with its author; to status `dropped` the note is the reason the seeds ask for.
 */
export function decideConditionChange(options: {
  from: VvConditionStatus;
  to: VvConditionStatus;
  note: string | null | undefined;
}): VvConditionStatus {
  const { from, to } = options;
  if (from === to) {
    throw new VvConditionChangeError("unchanged", `De voorwaarde is al ${vvConditionStatusLabels[to]}.`);
  }
  if (!(vvConditionChanges[from] as readonly VvConditionStatus[]).includes(to)) {
    throw new VvConditionChangeError(
      "not_allowed",
      `Een voorwaarde die ${vvConditionStatusLabels[from]} is, kan niet ${vvConditionStatusLabels[to]} worden.`,
    );
  }
  if (!options.note?.trim()) {
    throw new VvConditionChangeError(
      "note_missing",
      to === "dropped"
        ? "Vermeld waarom de voorwaarde vervalt."
        : "Licht de wijziging toe: de toelichting komt in de geschiedenis van de voorwaarde.",
    );
  }
  return to;
}

/** Past its due date and still open: the first thing both workers should see. */
export function isConditionOverdue(options: {
  status: VvConditionStatus;
  dueOn: LocalDate;
  today: LocalDate;
}): boolean {
  return options.status === "open" && options.dueOn < options.today;
}
