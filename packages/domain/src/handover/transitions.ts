import { type HandoverStatus, handoverStatusLabels } from "./status";

export const handoverActions = ["offer", "withdraw", "accept", "decline", "start", "complete", "return"] as const;

export type HandoverAction = (typeof handoverActions)[number];

/** FHIR Task roles: the requester (always Veilig Thuis) asks, the owner (the partner team) does the work. */
export type HandoverParty = "requester" | "owner";

export type HandoverActionRule = {
  readonly party: HandoverParty;
  readonly from: readonly HandoverStatus[];
  readonly to: HandoverStatus;
};

/**
 * The whole lifecycle in one table. Each action belongs to one party whatever the status, which is why a refusal can
 * be explained by either the status or the party alone.
 */
export const handoverActionRules = {
  offer: { party: "requester", from: ["draft"], to: "offered" },
  withdraw: { party: "requester", from: ["draft", "offered"], to: "withdrawn" },
  accept: { party: "owner", from: ["offered"], to: "accepted" },
  decline: { party: "owner", from: ["offered"], to: "declined" },
  start: { party: "owner", from: ["accepted"], to: "started" },
  complete: { party: "owner", from: ["started"], to: "completed" },
  return: { party: "owner", from: ["accepted", "started"], to: "returned" },
} as const satisfies Record<HandoverAction, HandoverActionRule>;

/** Infinitives, for buttons and for "Alleen … kan een overdracht <label>." */
export const handoverActionLabels = {
  offer: "aanbieden",
  withdraw: "intrekken",
  accept: "accepteren",
  decline: "afwijzen",
  start: "starten",
  complete: "afronden",
  return: "terugmelden",
} as const satisfies Record<HandoverAction, string>;

const handoverActionParticiples = {
  offer: "aangeboden",
  withdraw: "ingetrokken",
  accept: "geaccepteerd",
  decline: "afgewezen",
  start: "gestart",
  complete: "afgerond",
  return: "teruggemeld",
} as const satisfies Record<HandoverAction, string>;

export const handoverPartyLabels = {
  requester: "Veilig Thuis",
  owner: "de ontvangende organisatie",
} as const satisfies Record<HandoverParty, string>;

export type HandoverTransitionErrorCode = "not_allowed_in_status" | "not_allowed_for_party";

/** A refused transition. The message is Dutch and safe to show to the user as is. */
export class HandoverTransitionError extends Error {
  override readonly name = "HandoverTransitionError";
  readonly code: HandoverTransitionErrorCode;
  readonly from: HandoverStatus;
  readonly action: HandoverAction;
  readonly party: HandoverParty;

  constructor({
    code,
    from,
    action,
    party,
  }: {
    code: HandoverTransitionErrorCode;
    from: HandoverStatus;
    action: HandoverAction;
    party: HandoverParty;
  }) {
    super(
      code === "not_allowed_in_status"
        ? `Een overdracht met status '${handoverStatusLabels[from]}' kan niet worden ${handoverActionParticiples[action]}.`
        : `Alleen ${handoverPartyLabels[handoverActionRules[action].party]} kan een overdracht ${handoverActionLabels[action]}.`,
    );
    this.code = code;
    this.from = from;
    this.action = action;
    this.party = party;
  }
}

function isAllowedFrom(action: HandoverAction, status: HandoverStatus): boolean {
  return (handoverActionRules[action].from as readonly HandoverStatus[]).includes(status);
}

/**
 * The status after `party` performs `action` on a handover in status `from`, or a HandoverTransitionError.
 * The status is checked before the party: "this handover was already accepted" is the more useful answer when two
 * people act at once, and it reveals nothing the caller could not see already.
 */
export function decideHandoverTransition({
  from,
  action,
  party,
}: {
  from: HandoverStatus;
  action: HandoverAction;
  party: HandoverParty;
}): HandoverStatus {
  const rule = handoverActionRules[action];
  if (!isAllowedFrom(action, from))
    throw new HandoverTransitionError({ code: "not_allowed_in_status", from, action, party });
  if (rule.party !== party) throw new HandoverTransitionError({ code: "not_allowed_for_party", from, action, party });
  return rule.to;
}

/** The actions this party may take now, in lifecycle order: the buttons to show. */
export function allowedHandoverActions({
  status,
  party,
}: {
  status: HandoverStatus;
  party: HandoverParty;
}): HandoverAction[] {
  return handoverActions.filter(
    (action) => handoverActionRules[action].party === party && isAllowedFrom(action, status),
  );
}

/** Editing a handover that the partner can already see would change what they accepted or are deciding on. */
export class HandoverNotEditableError extends Error {
  override readonly name = "HandoverNotEditableError";
  readonly code = "not_editable";
  readonly status: HandoverStatus;

  constructor({ status }: { status: HandoverStatus }) {
    super(
      `Een overdracht met status '${handoverStatusLabels[status]}' kan niet meer worden gewijzigd. Alleen een concept kan worden gewijzigd.`,
    );
    this.status = status;
  }
}

export function assertHandoverEditable({ status }: { status: HandoverStatus }): void {
  if (status !== "draft") throw new HandoverNotEditableError({ status });
}

/**
 * How a handover comes into being. VT composes a draft and offers it later; at the overdrachtstafel the partner's
 * participant accepts it on the spot, so it starts as accepted and its acceptance term never runs.
 */
export const handoverOrigins = ["composed", "table_decision"] as const;
export type HandoverOrigin = (typeof handoverOrigins)[number];

const initialStatusByOrigin = {
  composed: "draft",
  table_decision: "accepted",
} as const satisfies Record<HandoverOrigin, HandoverStatus>;

/** The history's reason for a handover decided at the table: the minutes hold the rest. */
export const TABLE_DECISION_HISTORY_REASON = "besloten aan de overdrachtstafel";

export function initialHandoverStatus({ origin }: { origin: HandoverOrigin }): HandoverStatus {
  return initialStatusByOrigin[origin];
}

/** A table decision hands over a complete package only: the same gate as an offer, checked by the caller. */
export function requiresPackageGate({ origin }: { origin: HandoverOrigin }): boolean {
  return origin === "table_decision";
}
