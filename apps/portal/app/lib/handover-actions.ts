import { nl } from "../messages/nl";
import type { DeclineReasonCode, HandoverAction, OutcomeCode } from "./api-types";
import { addFieldError, type FieldErrors, textOf } from "./form-data";
import { isLocalDate } from "./format";

const m = nl.handoverDetail;
const MAX_REASON = 2000;
const MAX_REFERRED_TO = 200;

/** The forms of the detail page, by the value of their `intent` field: one per action, named as the API names it. */
export type HandoverIntent = Exclude<HandoverAction, "update">;
export const handoverIntents = [
  "offer",
  "withdraw",
  "accept",
  "decline",
  "assign",
  "start",
  "complete",
  "return",
] as const satisfies readonly HandoverIntent[];

/** The fields of each form besides `intent` and `version`. */
export const intentFields = {
  offer: [],
  withdraw: ["reasonText"],
  accept: [],
  decline: ["reasonCode", "reasonText"],
  assign: ["userId"],
  start: ["firstContactOn"],
  complete: ["outcomeCode", "referredTo"],
  return: ["reasonText"],
} as const satisfies Record<HandoverIntent, readonly string[]>;

export const declineReasonCodes = Object.keys(nl.declineReasons) as DeclineReasonCode[];
export const outcomeCodes = Object.keys(nl.outcomes) as OutcomeCode[];

/** What the API is asked to do; `version` is the one the page showed, so a change in between is a conflict. */
export type HandoverCommand =
  | { intent: "offer" | "accept"; version: number }
  | { intent: "withdraw"; version: number; reasonText?: string }
  | { intent: "decline"; version: number; reasonCode: DeclineReasonCode; reasonText?: string }
  | { intent: "assign"; version: number; userId: string }
  | { intent: "start"; version: number; firstContactOn: string }
  | { intent: "complete"; version: number; outcomeCode: OutcomeCode; referredTo?: string }
  | { intent: "return"; version: number; reasonText: string };

export type ParsedHandoverAction =
  | { ok: true; command: HandoverCommand }
  | {
      ok: false;
      intent: HandoverIntent | null;
      /** What was typed, by field name, to show again. */
      values: Record<string, string>;
      fieldErrors: FieldErrors;
      formErrors: string[];
    };

export function isHandoverIntent(value: string): value is HandoverIntent {
  return (handoverIntents as readonly string[]).includes(value);
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}

/** Reads and checks one of the detail page's forms, with the same Dutch messages as the API. */
export function parseHandoverAction(formData: FormData, options: { today: string }): ParsedHandoverAction {
  const intent = textOf(formData, "intent");
  if (!isHandoverIntent(intent)) {
    return { ok: false, intent: null, values: {}, fieldErrors: {}, formErrors: [m.unknownIntent] };
  }
  const values: Record<string, string> = {};
  for (const field of intentFields[intent]) values[field] = textOf(formData, field);
  const errors: FieldErrors = {};
  const refuse = (formErrors: string[] = []): ParsedHandoverAction => ({
    ok: false,
    intent,
    values,
    fieldErrors: errors,
    formErrors,
  });

  const versionText = textOf(formData, "version");
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : 0;
  if (version < 1) return refuse([m.versionMissing]);

  const reasonText = (values.reasonText ?? "").trim();
  const optionalReason = reasonText === "" ? {} : { reasonText };
  if (reasonText.length > MAX_REASON) addFieldError(errors, "reasonText", m.reasonTooLong);

  let command: HandoverCommand;
  switch (intent) {
    case "offer":
    case "accept":
      command = { intent, version };
      break;
    case "withdraw":
      command = { intent, version, ...optionalReason };
      break;
    case "decline": {
      const reasonCode = values.reasonCode ?? "";
      if (!isOneOf(reasonCode, declineReasonCodes)) {
        addFieldError(errors, "reasonCode", m.declineReasonRequired);
        return refuse();
      }
      if (reasonCode === "other" && reasonText === "") addFieldError(errors, "reasonText", m.declineTextRequired);
      command = { intent, version, reasonCode, ...optionalReason };
      break;
    }
    case "assign": {
      const userId = values.userId ?? "";
      if (userId === "") addFieldError(errors, "userId", m.assigneeRequired);
      command = { intent, version, userId };
      break;
    }
    case "start": {
      const firstContactOn = (values.firstContactOn ?? "").trim();
      if (firstContactOn === "") addFieldError(errors, "firstContactOn", m.firstContactRequired);
      else if (!isLocalDate(firstContactOn)) addFieldError(errors, "firstContactOn", m.firstContactInvalid);
      else if (firstContactOn > options.today) addFieldError(errors, "firstContactOn", m.firstContactFuture);
      command = { intent, version, firstContactOn };
      break;
    }
    case "complete": {
      const outcomeCode = values.outcomeCode ?? "";
      const referredTo = (values.referredTo ?? "").trim();
      if (referredTo.length > MAX_REFERRED_TO) addFieldError(errors, "referredTo", m.referredToTooLong);
      if (!isOneOf(outcomeCode, outcomeCodes)) {
        addFieldError(errors, "outcomeCode", m.outcomeRequired);
        return refuse();
      }
      if (outcomeCode === "referred_on" && referredTo === "") {
        addFieldError(errors, "referredTo", m.referredToRequired);
      }
      // Only a referral names where the household went.
      command = { intent, version, outcomeCode, ...(outcomeCode === "referred_on" ? { referredTo } : {}) };
      break;
    }
    case "return":
      if (reasonText === "") addFieldError(errors, "reasonText", m.returnReasonRequired);
      command = { intent, version, reasonText };
      break;
  }
  return Object.keys(errors).length > 0 ? refuse() : { ok: true, command };
}

/** The form field an API error path points at, for the form of this intent; null when that form has none. */
export function actionFieldOf(intent: HandoverIntent, path: string): string | null {
  return (intentFields[intent] as readonly string[]).includes(path) ? path : null;
}

/** Ids of the detail page's inputs carry the intent, as several forms have a field of the same name. */
export function actionFieldName(intent: HandoverIntent, field: string): string {
  return `${intent}-${field}`;
}
