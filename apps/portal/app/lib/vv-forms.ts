import type { SelectOption, SelectOptionGroup } from "../components/select-field";
import { nl } from "../messages/nl";
import type {
  CaseSummary,
  CaseworkOrganisation,
  CreateVvInput,
  VvConditionOwner,
  VvConditionStatus,
  VvDetail,
  VvOutcomeCode,
} from "./api-types";
import { addFieldError, type FieldErrors, textOf } from "./form-data";
import { isLocalDate } from "./format";
import { isId } from "./ids";
import { versionOf } from "./table-forms";

const f = nl.vvForm;
const d = nl.vvDetail;

export const conditionOwners = Object.keys(nl.conditionOwners) as VvConditionOwner[];
export const conditionStatuses = Object.keys(nl.conditionStatus) as VvConditionStatus[];
export const vvOutcomeCodes = Object.keys(nl.vvOutcomes) as VvOutcomeCode[];

const PARTNER_KINDS: readonly CaseworkOrganisation["kind"][] = ["local_team", "cjg", "youth_protection"];
const CASEWORK_ROLES = new Set(["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"]);

function peopleOf(organisation: CaseworkOrganisation): SelectOption[] {
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  for (const person of organisation.people) {
    if (!CASEWORK_ROLES.has(person.role) || seen.has(person.id)) continue;
    seen.add(person.id);
    options.push({ value: person.id, label: person.name });
  }
  return options;
}

function groupsOf(organisations: readonly CaseworkOrganisation[]): SelectOptionGroup[] {
  return organisations
    .map((organisation) => ({ label: organisation.name, options: peopleOf(organisation) }))
    .filter((group) => group.options.length > 0);
}

// ── Opening a trajectory ────────────────────────────────────────────────────────────────────────────────────

export type VvFormValues = {
  caseId: string;
  vtWorkerUserId: string;
  partnerOrganisationId: string;
  partnerWorkerUserId: string;
};

export type VvFormChoices = {
  cases: SelectOption[];
  vtPeople: SelectOption[];
  partners: SelectOption[];
  partnerPeople: SelectOptionGroup[];
  /** Who works where, to check that the partner worker belongs to the chosen partner. */
  peopleByPartner: Record<string, string[]>;
};

export function vvFormChoicesOf(options: {
  organisations: readonly CaseworkOrganisation[];
  cases: readonly CaseSummary[];
  vtOrganisationId: string;
}): VvFormChoices {
  const partners = options.organisations.filter((organisation) => PARTNER_KINDS.includes(organisation.kind));
  const vt = options.organisations.find((organisation) => organisation.id === options.vtOrganisationId);
  return {
    cases: options.cases.map((item) => ({
      value: item.id,
      label: f.caseOption(item.reference, item.municipality.name),
    })),
    vtPeople: vt ? peopleOf(vt) : [],
    partners: partners.map((organisation) => ({ value: organisation.id, label: organisation.name })),
    partnerPeople: groupsOf(partners),
    peopleByPartner: Object.fromEntries(
      partners.map((organisation) => [organisation.id, peopleOf(organisation).map((person) => person.value)]),
    ),
  };
}

export function readVvForm(formData: FormData): VvFormValues {
  return {
    caseId: textOf(formData, "caseId"),
    vtWorkerUserId: textOf(formData, "vtWorkerUserId"),
    partnerOrganisationId: textOf(formData, "partnerOrganisationId"),
    partnerWorkerUserId: textOf(formData, "partnerWorkerUserId"),
  };
}

/** Never VT alone: all four choices are required, and the partner worker must work at the chosen partner. */
export function parseVvForm(
  values: VvFormValues,
  choices: Pick<VvFormChoices, "peopleByPartner">,
): { ok: true; input: CreateVvInput } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isId(values.caseId)) addFieldError(errors, "caseId", f.caseRequired);
  if (!isId(values.vtWorkerUserId)) addFieldError(errors, "vtWorkerUserId", f.vtWorkerRequired);
  if (!isId(values.partnerOrganisationId))
    addFieldError(errors, "partnerOrganisationId", f.partnerOrganisationRequired);
  if (!isId(values.partnerWorkerUserId)) addFieldError(errors, "partnerWorkerUserId", f.partnerWorkerRequired);
  else if (
    isId(values.partnerOrganisationId) &&
    !(choices.peopleByPartner[values.partnerOrganisationId] ?? []).includes(values.partnerWorkerUserId)
  ) {
    addFieldError(errors, "partnerWorkerUserId", f.partnerWorkerMismatch);
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, input: { ...values } };
}

export const vvFormFields = ["caseId", "vtWorkerUserId", "partnerOrganisationId", "partnerWorkerUserId"] as const;

export function vvFormFieldOf(path: string): string | null {
  return (vvFormFields as readonly string[]).includes(path) ? path : null;
}

// ── The trajectory page's forms ─────────────────────────────────────────────────────────────────────────────

export const vvIntents = [
  "updateCondition",
  "addCondition",
  "scheduleMonitoring",
  "recordMonitoring",
  "addTimelineEntry",
  "close",
] as const;
export type VvIntent = (typeof vvIntents)[number];

/** The fields of each form, in the order they appear (for the error summary and to show the values again). */
export const vvIntentFields = {
  updateCondition: ["status", "dueOn", "note"],
  addCondition: ["text", "owner", "dueOn", "note"],
  scheduleMonitoring: ["scheduledOn", "attendeeUserIds"],
  recordMonitoring: ["outcome"],
  addTimelineEntry: ["text"],
  close: ["outcomeCode", "outcomeText", "followUpOrganisationId", "followUpUserId"],
} as const satisfies Record<VvIntent, readonly string[]>;

/**
 * The id of a field in one of the page's forms: several forms have a "note" or a "dueOn", and the per-condition
 * and per-moment forms repeat, so the id names the form and, where there are several, which one.
 */
export function vvFieldId(intent: VvIntent, field: string, targetId: string | null = null): string {
  return targetId ? `${intent}-${targetId}-${field}` : `${intent}-${field}`;
}

/** The per-condition assessment fields of the monitoring form. */
export function assessmentField(conditionId: string): string {
  return `assessment-${conditionId}`;
}

export type RecordAssessment = { conditionId: string; status: VvConditionStatus; note?: string };

export type VvCommand =
  | { intent: "updateCondition"; id: string; version: number; status?: VvConditionStatus; dueOn?: string; note: string }
  | { intent: "addCondition"; text: string; owner: VvConditionOwner; dueOn: string; note?: string }
  | { intent: "scheduleMonitoring"; scheduledOn: string; attendeeUserIds: string[] }
  | { intent: "recordMonitoring"; id: string; version: number; outcome: string; assessments: RecordAssessment[] }
  | { intent: "addTimelineEntry"; text: string }
  | {
      intent: "close";
      version: number;
      outcomeCode: VvOutcomeCode;
      outcomeText?: string;
      followUpOrganisationId: string;
      followUpUserId: string;
    };

export type VvParseResult =
  | { ok: true; command: VvCommand }
  | { ok: false; intent: VvIntent | null; targetId: string | null; fieldErrors: FieldErrors; formErrors: string[] };

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function dateProblem(value: string, required: string, invalid: string): string | null {
  if (value === "") return required;
  return isLocalDate(value) ? null : invalid;
}

/** Reads one of the trajectory page's forms into the call it stands for, or the problems to show at its fields. */
export function parseVvAction(formData: FormData): VvParseResult {
  const intent = textOf(formData, "intent");
  const text = (name: string) => textOf(formData, name).trim();
  const errors: FieldErrors = {};
  const refused = (targetId: string | null = null, formErrors: string[] = []): VvParseResult => ({
    ok: false,
    intent: isOneOf(vvIntents, intent) ? intent : null,
    targetId,
    fieldErrors: errors,
    formErrors,
  });
  const invalid = () => refused(null, [nl.forms.checkFields]);
  const problem = (field: string, message: string | null) => {
    if (message) addFieldError(errors, field, message);
  };

  switch (intent) {
    case "updateCondition": {
      const id = textOf(formData, "conditionId");
      const version = versionOf(formData);
      if (!isId(id) || version === null) return invalid();
      const status = textOf(formData, "status");
      const dueOn = text("dueOn");
      const note = text("note");
      if (status !== "" && !isOneOf(conditionStatuses, status)) return invalid();
      if (dueOn !== "" && !isLocalDate(dueOn)) problem("dueOn", d.update.dueInvalid);
      if (status === "" && dueOn === "") problem("status", d.update.nothingChanged);
      if (note === "") problem("note", d.update.noteRequired);
      if (Object.keys(errors).length > 0) return refused(id);
      return {
        ok: true,
        command: {
          intent,
          id,
          version,
          note,
          ...(status !== "" ? { status: status as VvConditionStatus } : {}),
          ...(dueOn !== "" ? { dueOn } : {}),
        },
      };
    }
    case "addCondition": {
      const conditionText = text("text");
      const owner = textOf(formData, "owner");
      const dueOn = text("dueOn");
      const note = text("note");
      if (conditionText === "") problem("text", d.add.textRequired);
      else if (conditionText.length > 1000) problem("text", d.add.textTooLong);
      if (!isOneOf(conditionOwners, owner)) problem("owner", d.add.ownerRequired);
      problem("dueOn", dateProblem(dueOn, d.add.dueRequired, d.add.dueInvalid));
      if (Object.keys(errors).length > 0 || !isOneOf(conditionOwners, owner)) return refused();
      return {
        ok: true,
        command: { intent, text: conditionText, owner, dueOn, ...(note !== "" ? { note } : {}) },
      };
    }
    case "scheduleMonitoring": {
      const scheduledOn = text("scheduledOn");
      const attendeeUserIds = formData.getAll("attendeeUserIds").filter((value): value is string => isId(value));
      problem("scheduledOn", dateProblem(scheduledOn, d.schedule.dateRequired, d.schedule.dateInvalid));
      if (attendeeUserIds.length === 0) problem("attendeeUserIds", d.schedule.attendeesRequired);
      if (Object.keys(errors).length > 0) return refused();
      return { ok: true, command: { intent, scheduledOn, attendeeUserIds } };
    }
    case "recordMonitoring": {
      const id = textOf(formData, "momentId");
      const version = versionOf(formData);
      if (!isId(id) || version === null) return invalid();
      const outcome = text("outcome");
      if (outcome === "") problem("outcome", d.record.outcomeRequired);
      const assessments: RecordAssessment[] = [];
      for (const conditionId of formData.getAll("conditionIds")) {
        if (!isId(conditionId)) return invalid();
        const status = textOf(formData, assessmentField(conditionId));
        // "Niet beoordeeld": a condition not discussed at this moment keeps its status.
        if (status === "") continue;
        if (!isOneOf(conditionStatuses, status)) return invalid();
        assessments.push({ conditionId, status });
      }
      if (Object.keys(errors).length > 0) return refused(id);
      return { ok: true, command: { intent, id, version, outcome, assessments } };
    }
    case "addTimelineEntry": {
      const entry = text("text");
      if (entry === "") problem("text", d.entry.textRequired);
      else if (entry.length > 5000) problem("text", d.entry.textTooLong);
      if (Object.keys(errors).length > 0) return refused();
      return { ok: true, command: { intent, text: entry } };
    }
    case "close": {
      const version = versionOf(formData);
      if (version === null) return invalid();
      const outcomeCode = textOf(formData, "outcomeCode");
      const outcomeText = text("outcomeText");
      const followUpOrganisationId = textOf(formData, "followUpOrganisationId");
      const followUpUserId = textOf(formData, "followUpUserId");
      if (!isOneOf(vvOutcomeCodes, outcomeCode)) problem("outcomeCode", d.close.outcomeRequired);
      if (!isId(followUpOrganisationId)) problem("followUpOrganisationId", d.close.followUpOrganisationRequired);
      if (!isId(followUpUserId)) problem("followUpUserId", d.close.followUpUserRequired);
      if (Object.keys(errors).length > 0 || !isOneOf(vvOutcomeCodes, outcomeCode)) return refused();
      return {
        ok: true,
        command: {
          intent,
          version,
          outcomeCode,
          followUpOrganisationId,
          followUpUserId,
          ...(outcomeText !== "" ? { outcomeText } : {}),
        },
      };
    }
    default:
      return invalid();
  }
}

/** The form field for an API path of this intent's procedure, or null (then the message goes to the summary). */
export function vvActionFieldOf(intent: VvIntent, path: string): string | null {
  const field = path.startsWith("attendeeUserIds") ? "attendeeUserIds" : path;
  return (vvIntentFields[intent] as readonly string[]).includes(field) ? field : null;
}

// ── Choices of the trajectory page ──────────────────────────────────────────────────────────────────────────

export type VvDetailChoices = {
  /** The two organisations' caseworkers, who can attend a monitoring moment. */
  attendees: SelectOption[];
  followUpOrganisations: SelectOption[];
  followUpPeople: SelectOptionGroup[];
};

/**
 * Attendees come from the two organisations on the trajectory; the follow-up owner can be anyone who does
 * casework (the API checks which kind of organisation fits the outcome).
 */
export function vvDetailChoicesOf(
  organisations: readonly CaseworkOrganisation[],
  trajectory: Pick<VvDetail, "vtWorker" | "partnerOrganisation">,
): VvDetailChoices {
  const vt = organisations.find(
    (organisation) =>
      organisation.kind === "vt" && organisation.people.some((person) => person.id === trajectory.vtWorker.id),
  );
  const partner = organisations.find((organisation) => organisation.id === trajectory.partnerOrganisation.id);
  const attendees = [vt, partner].flatMap((organisation) =>
    organisation
      ? peopleOf(organisation).map((person) => ({ ...person, label: `${person.label} (${organisation.name})` }))
      : [],
  );
  const casework = organisations.filter((organisation) => organisation.kind !== "municipality");
  return {
    attendees,
    followUpOrganisations: casework.map((organisation) => ({ value: organisation.id, label: organisation.name })),
    followUpPeople: groupsOf(casework),
  };
}
