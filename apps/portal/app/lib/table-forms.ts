import type { SelectOption, SelectOptionGroup } from "../components/select-field";
import { nl } from "../messages/nl";
import { amsterdamInstant, isLocalTime } from "./amsterdam-time";
import type {
  CaseworkOrganisation,
  CreateTableInput,
  DecideTableItemInput,
  TableDecisionKind,
  TableDetail,
  TableFormOptions,
} from "./api-types";
import { addFieldError, type FieldErrors, textOf } from "./form-data";
import { isLocalDate } from "./format";
import { isId } from "./ids";

const f = nl.tableForm;
const d = nl.tableDetail;

/** The decisions in the order the form offers them; the keys follow the API. */
export const tableDecisionKinds = Object.keys(nl.tableDecisions) as TableDecisionKind[];

const PARTNER_KINDS: readonly CaseworkOrganisation["kind"][] = ["local_team", "cjg", "youth_protection"];
const PARTNER_ROLES = new Set(["partner_worker", "partner_coordinator"]);
const VT_ROLES = new Set(["vt_worker", "team_coordinator"]);

/** A form version field: the number the page showed, or null when the form was tampered with. */
export function versionOf(formData: FormData, name = "version"): number | null {
  const version = Number(textOf(formData, name));
  return Number.isInteger(version) && version > 0 ? version : null;
}

/** The people of an organisation with one of the roles, each once (someone can have several memberships). */
function peopleOf(organisation: CaseworkOrganisation, roles: ReadonlySet<string>): SelectOption[] {
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  for (const person of organisation.people) {
    if (!roles.has(person.role) || seen.has(person.id)) continue;
    seen.add(person.id);
    options.push({ value: person.id, label: person.name });
  }
  return options;
}

// ── The create form ─────────────────────────────────────────────────────────────────────────────────────────

export type TableFormValues = {
  regionId: string;
  date: string;
  time: string;
  chairUserId: string;
  participantOrganisationIds: string[];
};

export type TableFormChoices = {
  regions: SelectOption[];
  chairs: SelectOption[];
  partners: SelectOption[];
};

/** The choosers of the create form: regions, VT's teamcoördinatoren as chair, and the partner organisations. */
export function tableFormChoicesOf(options: TableFormOptions, vtOrganisationId: string): TableFormChoices {
  const vt = options.organisations.find((organisation) => organisation.id === vtOrganisationId);
  return {
    regions: options.regions.map((region) => ({ value: region.id, label: region.name })),
    chairs: vt ? peopleOf(vt, new Set(["team_coordinator"])) : [],
    partners: options.organisations
      .filter((organisation) => PARTNER_KINDS.includes(organisation.kind))
      .map((organisation) => ({ value: organisation.id, label: organisation.name })),
  };
}

export function readTableForm(formData: FormData): TableFormValues {
  return {
    regionId: textOf(formData, "regionId"),
    date: textOf(formData, "date").trim(),
    time: textOf(formData, "time").trim(),
    chairUserId: textOf(formData, "chairUserId"),
    participantOrganisationIds: formData.getAll("participantOrganisationIds").filter((v) => typeof v === "string"),
  };
}

/** The create form's field for an API path: the instant is entered as a date and a time. */
export function tableFormFieldOf(path: string): string | null {
  if (path === "scheduledAt") return "date";
  if (path.startsWith("participantOrganisationIds")) return "participantOrganisationIds";
  return ["regionId", "chairUserId"].includes(path) ? path : null;
}

export function parseTableForm(
  values: TableFormValues,
): { ok: true; input: CreateTableInput } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isId(values.regionId)) addFieldError(errors, "regionId", f.regionRequired);
  if (values.date === "") addFieldError(errors, "date", f.dateRequired);
  else if (!isLocalDate(values.date)) addFieldError(errors, "date", f.dateInvalid);
  if (values.time === "") addFieldError(errors, "time", f.timeRequired);
  else if (!isLocalTime(values.time)) addFieldError(errors, "time", f.timeInvalid);
  if (!isId(values.chairUserId)) addFieldError(errors, "chairUserId", f.chairRequired);
  const participants = values.participantOrganisationIds.filter(isId);
  if (participants.length === 0) addFieldError(errors, "participantOrganisationIds", f.participantsRequired);
  const scheduledAt = amsterdamInstant(values.date, values.time);
  if (Object.keys(errors).length > 0 || !scheduledAt) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    input: {
      regionId: values.regionId,
      scheduledAt,
      chairUserId: values.chairUserId,
      participantOrganisationIds: participants,
    },
  };
}

// ── The meeting page's forms ────────────────────────────────────────────────────────────────────────────────

export const tableIntents = ["addItem", "removeItem", "decide", "close"] as const;
export type TableIntent = (typeof tableIntents)[number];

/** The fields of the decision form, in the order they appear. */
export const decisionFields = [
  "kind",
  "targetTeamId",
  "acceptedByUserId",
  "concerns",
  "safetyConditions",
  "householdView",
  "vtContactUserId",
  "vtJoinsFirstVisit",
  "partnerOrganisationId",
  "partnerWorkerUserId",
  "vtWorkerUserId",
  "note",
] as const;
export type DecisionField = (typeof decisionFields)[number];

export const agendaFields = ["caseId", "shortReason"] as const;

/** The id of a field in one item's decision form: every item has its own form with the same field names. */
export function itemFieldId(itemId: string, field: string): string {
  return `item-${itemId}-${field}`;
}

export type TableCommand =
  | { intent: "addItem"; caseId: string; shortReason: string }
  | { intent: "removeItem"; itemId: string; version: number }
  | { intent: "decide"; itemId: string; input: Omit<DecideTableItemInput, "id"> }
  | { intent: "close"; version: number };

export type TableParseResult =
  | { ok: true; command: TableCommand }
  | { ok: false; intent: TableIntent | null; itemId: string | null; fieldErrors: FieldErrors; formErrors: string[] };

/** Empty text is "not given" for the API, which names what a decision still lacks. */
function optionalId(formData: FormData, name: string): string | null {
  const value = textOf(formData, name);
  return isId(value) ? value : null;
}

function optionalText(formData: FormData, name: string): string | null {
  const value = textOf(formData, name).trim();
  return value === "" ? null : value;
}

/**
 * The decision as the API takes it, with only the fields of the chosen kind: the form shows every kind's fields,
 * and a team picked before switching to "uitstellen" must not travel along.
 */
export function decisionInputOf(
  kind: TableDecisionKind,
  formData: FormData,
): Omit<DecideTableItemInput, "id" | "version"> {
  const note = optionalText(formData, "note");
  switch (kind) {
    case "handover": {
      const joins = textOf(formData, "vtJoinsFirstVisit");
      return {
        kind,
        targetTeamId: optionalId(formData, "targetTeamId"),
        acceptedByUserId: optionalId(formData, "acceptedByUserId"),
        concerns: optionalText(formData, "concerns"),
        safetyConditions: optionalText(formData, "safetyConditions"),
        householdView: optionalText(formData, "householdView"),
        vtContactUserId: optionalId(formData, "vtContactUserId"),
        vtJoinsFirstVisit: joins === "yes" ? true : joins === "no" ? false : null,
        note,
      };
    }
    case "vv":
      return {
        kind,
        partnerOrganisationId: optionalId(formData, "partnerOrganisationId"),
        partnerWorkerUserId: optionalId(formData, "partnerWorkerUserId"),
        vtWorkerUserId: optionalId(formData, "vtWorkerUserId"),
        note,
      };
    case "vt_keeps":
      return { kind, vtWorkerUserId: optionalId(formData, "vtWorkerUserId"), note };
    case "raad_request":
    case "postpone":
      return { kind, note };
  }
}

function isTableIntent(value: string): value is TableIntent {
  return (tableIntents as readonly string[]).includes(value);
}

function isDecisionKind(value: string): value is TableDecisionKind {
  return (tableDecisionKinds as readonly string[]).includes(value);
}

/** Reads one of the meeting page's forms into the call it stands for, or the problems to show at its fields. */
export function parseTableAction(formData: FormData): TableParseResult {
  const intent = textOf(formData, "intent");
  const refused = (fieldErrors: FieldErrors, formErrors: string[] = [], itemId: string | null = null) =>
    ({
      ok: false,
      intent: isTableIntent(intent) ? intent : null,
      itemId,
      fieldErrors,
      formErrors,
    }) as const;
  // A form without its hidden fields was not sent by this page: nothing sensible to point at.
  const invalid = () => refused({}, [nl.forms.checkFields]);

  switch (intent) {
    case "addItem": {
      const errors: FieldErrors = {};
      const caseId = textOf(formData, "caseId");
      const shortReason = textOf(formData, "shortReason").trim();
      if (!isId(caseId)) addFieldError(errors, "caseId", d.caseRequired);
      if (shortReason === "") addFieldError(errors, "shortReason", d.shortReasonRequired);
      else if (shortReason.length > 200) addFieldError(errors, "shortReason", d.shortReasonTooLong);
      if (Object.keys(errors).length > 0) return refused(errors);
      return { ok: true, command: { intent, caseId, shortReason } };
    }
    case "removeItem": {
      const itemId = textOf(formData, "itemId");
      const version = versionOf(formData);
      if (!isId(itemId) || version === null) return invalid();
      return { ok: true, command: { intent, itemId, version } };
    }
    case "decide": {
      const itemId = textOf(formData, "itemId");
      const version = versionOf(formData);
      if (!isId(itemId) || version === null) return invalid();
      const kind = textOf(formData, "kind");
      if (!isDecisionKind(kind)) return refused({ kind: d.decide.kindRequired }, [], itemId);
      const note = textOf(formData, "note").trim();
      if (note.length > 2000) return refused({ note: d.decide.noteTooLong }, [], itemId);
      return { ok: true, command: { intent, itemId, input: { ...decisionInputOf(kind, formData), version } } };
    }
    case "close": {
      const version = versionOf(formData);
      if (version === null) return invalid();
      return { ok: true, command: { intent, version } };
    }
    default:
      return invalid();
  }
}

/** The decision form's field for an API path ("targetTeamId"), or null when the form has none. */
export function decisionFieldOf(path: string): DecisionField | null {
  return (decisionFields as readonly string[]).includes(path) ? (path as DecisionField) : null;
}

/** The agenda form's field for an API path. */
export function agendaFieldOf(path: string): string | null {
  return (agendaFields as readonly string[]).includes(path) ? path : null;
}

/** The package gate's missing items that the decision form itself can fix, by field. */
export const packageFormFields = new Set([
  "concerns",
  "safetyConditions",
  "householdView",
  "vtContactUserId",
  "vtJoinsFirstVisit",
]);

// ── Choices of the decision form ────────────────────────────────────────────────────────────────────────────

export type DecisionChoices = {
  teams: SelectOptionGroup[];
  partnerPeople: SelectOptionGroup[];
  partners: SelectOption[];
  vtPeople: SelectOption[];
};

/**
 * What the decision forms can choose from: the teams and people of the meeting's participants (a handover or
 * trajectory goes only to an organisation at the table), and VT's own caseworkers.
 */
export function decisionChoicesOf(
  options: TableFormOptions,
  meeting: Pick<TableDetail, "organisation" | "participants">,
): DecisionChoices {
  const participantIds = new Set(meeting.participants.map((participant) => participant.id));
  const partners = options.organisations.filter((organisation) => participantIds.has(organisation.id));
  const vt = options.organisations.find((organisation) => organisation.id === meeting.organisation.id);
  return {
    teams: partners
      .filter((organisation) => organisation.teams.length > 0)
      .map((organisation) => ({
        label: organisation.name,
        options: organisation.teams.map((team) => ({ value: team.id, label: team.name })),
      })),
    partnerPeople: partners
      .map((organisation) => ({ label: organisation.name, options: peopleOf(organisation, PARTNER_ROLES) }))
      .filter((group) => group.options.length > 0),
    partners: partners.map((organisation) => ({ value: organisation.id, label: organisation.name })),
    vtPeople: vt ? peopleOf(vt, VT_ROLES) : [],
  };
}

/** The meetings list's region filter: only a known id counts, anything else shows all regions. */
export function readRegionFilter(params: URLSearchParams): string | null {
  const regionId = params.get("regio");
  return isId(regionId) ? regionId : null;
}
