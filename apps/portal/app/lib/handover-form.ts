import { nl } from "../messages/nl";
import type { CasePriority, HandoverDetail, HandoverFormOptions, PersonInput, PersonRole } from "./api-types";
import { addFieldError, type FieldErrors, textOf } from "./form-data";
import { isLocalDate } from "./format";

const m = nl.handoverForm;

export const MAX_PERSONS = 30;
export const INITIAL_PERSON_ROWS = 3;
const MAX_LONG_TEXT = 10_000;
const MAX_REASON = 2000;

export const personRoles = Object.keys(nl.personRoles) as PersonRole[];
export const casePriorities = Object.keys(nl.priorities) as CasePriority[];

/** What a person row holds as typed; every field a string so the form can show it again unchanged. */
export type PersonRow = {
  /** The stored person this row shows (edit page), sent back so the API keeps the person's BSN; "" for a new row. */
  id: string;
  role: string;
  name: string;
  birthYear: string;
  /** A BSN typed now; a stored one is never put back in the form, only its last digits in `bsnStored`. */
  bsn: string;
  /** Last digits of the stored BSN, for the hint; "" when none is stored. */
  bsnStored: string;
  /** "ja" when "Vastgelegd BSN verwijderen" is ticked. */
  bsnRemove: string;
  spokenStatus: string;
  notSpokenReason: string;
};
export type PersonField = keyof PersonRow;

export type HandoverFormValues = {
  reference: string;
  municipalityCode: string;
  priority: string;
  reportedAt: string;
  safetyAssessmentCompleted: boolean;
  conclusion: string;
  persons: PersonRow[];
  targetTeamId: string;
  concerns: string;
  safetyConditions: string;
  householdView: string;
  vtContactUserId: string;
  /** "yes", "no" or "" (not decided yet). */
  vtJoinsFirstVisit: string;
};

/**
 * "create": the new-handover page, which also registers the case (reference, gemeente, meldingsdatum).
 * "edit": the edit page of a draft, where those three are fixed.
 */
export type HandoverFormMode = "create" | "edit";

/** Form field name of a person row's field: "persons-0-name". */
export function personFieldName(row: number, field: PersonField): string {
  return `persons-${row}-${field}`;
}

/** The form's fields in page order, for the error summary. */
export function handoverFormFieldOrder(values: HandoverFormValues): string[] {
  const personFields: PersonField[] = [
    "role",
    "name",
    "birthYear",
    "bsn",
    "bsnRemove",
    "spokenStatus",
    "notSpokenReason",
  ];
  return [
    "reference",
    "municipalityCode",
    "priority",
    "reportedAt",
    "safetyAssessmentCompleted",
    "conclusion",
    ...values.persons.flatMap((_person, row) => personFields.map((field) => personFieldName(row, field))),
    "targetTeamId",
    "concerns",
    "safetyConditions",
    "householdView",
    "vtContactUserId",
    "vtJoinsFirstVisit",
  ];
}

export function emptyPersonRow(): PersonRow {
  return {
    id: "",
    role: "",
    name: "",
    birthYear: "",
    bsn: "",
    bsnStored: "",
    bsnRemove: "",
    spokenStatus: "",
    notSpokenReason: "",
  };
}

export function emptyHandoverFormValues(): HandoverFormValues {
  return {
    reference: "",
    municipalityCode: "",
    priority: "normal",
    reportedAt: "",
    safetyAssessmentCompleted: false,
    conclusion: "",
    persons: Array.from({ length: INITIAL_PERSON_ROWS }, emptyPersonRow),
    targetTeamId: "",
    concerns: "",
    safetyConditions: "",
    householdView: "",
    vtContactUserId: "",
    vtJoinsFirstVisit: "",
  };
}

/** The edit form filled from the handover and its case: the persons as recorded, plus one empty row. */
export function handoverFormValuesOf(handover: HandoverDetail): HandoverFormValues {
  const persons: PersonRow[] = handover.case.persons.map((person) => ({
    id: person.id,
    role: person.role,
    name: person.name,
    birthYear: person.birthYear === null ? "" : String(person.birthYear),
    bsn: "",
    bsnStored: person.bsnMasked === null ? "" : person.bsnMasked.replace(/\D/g, ""),
    bsnRemove: "",
    spokenStatus: person.spokenStatus ?? "",
    notSpokenReason: person.notSpokenReason ?? "",
  }));
  persons.push(emptyPersonRow());
  while (persons.length < INITIAL_PERSON_ROWS) persons.push(emptyPersonRow());
  return {
    reference: handover.case.reference,
    municipalityCode: handover.municipality.code,
    priority: handover.priority,
    reportedAt: "",
    safetyAssessmentCompleted: handover.case.safetyAssessmentCompletedAt !== null,
    conclusion: handover.case.conclusion ?? "",
    persons: persons.slice(0, Math.max(MAX_PERSONS, handover.case.persons.length)),
    targetTeamId: handover.targetTeam.id,
    concerns: handover.concerns ?? "",
    safetyConditions: handover.safetyConditions ?? "",
    householdView: handover.householdView ?? "",
    vtContactUserId: handover.vtContact?.id ?? "",
    vtJoinsFirstVisit: handover.vtJoinsFirstVisit === null ? "" : handover.vtJoinsFirstVisit ? "yes" : "no",
  };
}

/** Reads what was typed, without judging it. The number of person rows travels in the hidden `personCount`. */
export function readHandoverForm(formData: FormData): HandoverFormValues {
  const count = Number.parseInt(textOf(formData, "personCount"), 10);
  const rows = Number.isFinite(count) ? Math.min(Math.max(count, 1), MAX_PERSONS) : INITIAL_PERSON_ROWS;
  const persons = Array.from({ length: rows }, (_row, row) => ({
    id: textOf(formData, personFieldName(row, "id")),
    role: textOf(formData, personFieldName(row, "role")),
    name: textOf(formData, personFieldName(row, "name")),
    birthYear: textOf(formData, personFieldName(row, "birthYear")),
    bsn: textOf(formData, personFieldName(row, "bsn")),
    bsnStored: textOf(formData, personFieldName(row, "bsnStored")).replace(/\D/g, ""),
    bsnRemove: formData.get(personFieldName(row, "bsnRemove")) === null ? "" : "ja",
    spokenStatus: textOf(formData, personFieldName(row, "spokenStatus")),
    notSpokenReason: textOf(formData, personFieldName(row, "notSpokenReason")),
  }));
  return {
    reference: textOf(formData, "reference"),
    municipalityCode: textOf(formData, "municipalityCode"),
    priority: textOf(formData, "priority"),
    reportedAt: textOf(formData, "reportedAt"),
    safetyAssessmentCompleted: formData.get("safetyAssessmentCompleted") !== null,
    conclusion: textOf(formData, "conclusion"),
    persons,
    targetTeamId: textOf(formData, "targetTeamId"),
    concerns: textOf(formData, "concerns"),
    safetyConditions: textOf(formData, "safetyConditions"),
    householdView: textOf(formData, "householdView"),
    vtContactUserId: textOf(formData, "vtContactUserId"),
    vtJoinsFirstVisit: textOf(formData, "vtJoinsFirstVisit"),
  };
}

/** "Persoon toevoegen": the same values with one more empty row, up to the maximum. */
export function addPersonRow(values: HandoverFormValues): HandoverFormValues {
  if (values.persons.length >= MAX_PERSONS) return values;
  return { ...values, persons: [...values.persons, emptyPersonRow()] };
}

export function isEmptyPersonRow(row: PersonRow): boolean {
  return [row.role, row.name, row.birthYear, row.bsn, row.spokenStatus, row.notSpokenReason].every(
    (v) => v.trim() === "",
  );
}

/** The choices the page offered; a value outside them was not picked from the list. */
export type HandoverFormChoices = {
  municipalityCodes: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
  vtContactIds: ReadonlySet<string>;
};

export type CaseRegistration = { reference: string; municipalityCode: string; reportedAt: Date };
export type CaseAssessment = {
  priority: CasePriority;
  safetyAssessmentCompleted: boolean;
  conclusion: string | null;
  persons: PersonInput[];
};
export type HandoverPackage = {
  targetTeamId: string;
  concerns: string | null;
  safetyConditions: string | null;
  householdView: string | null;
  vtContactUserId: string | null;
  vtJoinsFirstVisit: boolean | null;
};

export type ParsedHandoverForm =
  | {
      ok: true;
      values: HandoverFormValues;
      /** Only in "create" mode. */
      registration: CaseRegistration | null;
      assessment: CaseAssessment;
      handover: HandoverPackage;
      /** For each person sent to the API, the form row it came from: empty rows are skipped. */
      personRows: number[];
    }
  | { ok: false; values: HandoverFormValues; fieldErrors: FieldErrors };

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}

/**
 * Checks the form the way the API will, with a Dutch message per field, and builds the API input. `today` is
 * the Amsterdam date ("2026-11-25"): a melding cannot lie in the future.
 */
export function parseHandoverForm(
  values: HandoverFormValues,
  options: { mode: HandoverFormMode; today: string; choices?: HandoverFormChoices },
): ParsedHandoverForm {
  const errors: FieldErrors = {};
  const { choices } = options;

  let registration: CaseRegistration | null = null;
  if (options.mode === "create") {
    const reference = values.reference.trim();
    if (reference === "") addFieldError(errors, "reference", m.referenceRequired);
    else if (reference.length > 50) addFieldError(errors, "reference", m.referenceTooLong);
    const municipalityCode = values.municipalityCode;
    if (municipalityCode === "" || (choices && !choices.municipalityCodes.has(municipalityCode))) {
      addFieldError(errors, "municipalityCode", m.municipalityRequired);
    }
    const reportedAt = values.reportedAt.trim();
    if (reportedAt === "") addFieldError(errors, "reportedAt", m.reportedAtRequired);
    else if (!isLocalDate(reportedAt)) addFieldError(errors, "reportedAt", m.reportedAtInvalid);
    else if (reportedAt > options.today) addFieldError(errors, "reportedAt", m.reportedAtFuture);
    // Noon UTC is the same calendar day in Amsterdam all year round.
    registration = { reference, municipalityCode, reportedAt: new Date(`${reportedAt}T12:00:00Z`) };
  }

  const priority = values.priority;
  if (!isOneOf(priority, casePriorities)) addFieldError(errors, "priority", m.priorityInvalid);
  const conclusion = optionalText(values.conclusion);
  if (conclusion && conclusion.length > MAX_LONG_TEXT) addFieldError(errors, "conclusion", m.conclusionTooLong);

  const currentYear = Number(options.today.slice(0, 4));
  const persons: PersonInput[] = [];
  const personRows: number[] = [];
  values.persons.forEach((row, index) => {
    if (isEmptyPersonRow(row)) return;
    const field = (name: PersonField) => personFieldName(index, name);
    const role = row.role;
    if (!isOneOf(role, personRoles)) addFieldError(errors, field("role"), m.personRoleRequired);
    const name = row.name.trim();
    if (name === "") addFieldError(errors, field("name"), m.personNameRequired);
    else if (name.length > 200) addFieldError(errors, field("name"), m.personNameTooLong);
    const birthYearText = row.birthYear.trim();
    const birthYear = birthYearText === "" ? null : Number(birthYearText);
    if (birthYear !== null && (!/^\d{4}$/.test(birthYearText) || birthYear < 1900 || birthYear > currentYear)) {
      addFieldError(errors, field("birthYear"), m.personBirthYearInvalid);
    }
    const spokenStatus = row.spokenStatus === "" ? null : row.spokenStatus;
    if (spokenStatus !== null && spokenStatus !== "spoken" && spokenStatus !== "not_spoken") {
      addFieldError(errors, field("spokenStatus"), m.choiceUnknown);
    }
    const reason = optionalText(row.notSpokenReason);
    if (spokenStatus === "not_spoken" && reason === null) {
      addFieldError(errors, field("notSpokenReason"), m.personReasonRequired);
    } else if (reason && reason.length > MAX_REASON) {
      addFieldError(errors, field("notSpokenReason"), m.personReasonTooLong);
    }
    // The API checks the BSN (elfproef) and answers at this row's field. Left empty, a stored BSN stays, unless
    // "verwijderen" is ticked.
    const bsnText = row.bsn.trim();
    const bsn = bsnText !== "" ? bsnText : row.bsnRemove !== "" || row.id === "" ? null : undefined;
    persons.push({
      ...(row.id === "" ? {} : { id: row.id }),
      role: role as PersonRole,
      name,
      birthYear,
      ...(bsn === undefined ? {} : { bsn }),
      spokenStatus: spokenStatus as PersonInput["spokenStatus"],
      notSpokenReason: spokenStatus === "not_spoken" ? reason : null,
    });
    personRows.push(index);
  });
  if (persons.length > MAX_PERSONS) addFieldError(errors, "persons", m.tooManyPersons);

  const targetTeamId = values.targetTeamId;
  if (targetTeamId === "") addFieldError(errors, "targetTeamId", m.teamRequired);
  else if (choices && !choices.teamIds.has(targetTeamId)) addFieldError(errors, "targetTeamId", m.teamUnknown);
  const texts = [
    ["concerns", m.concernsTooLong],
    ["safetyConditions", m.safetyConditionsTooLong],
    ["householdView", m.householdViewTooLong],
  ] as const;
  for (const [name, tooLong] of texts) {
    if ((optionalText(values[name])?.length ?? 0) > MAX_LONG_TEXT) addFieldError(errors, name, tooLong);
  }
  const vtContactUserId = values.vtContactUserId === "" ? null : values.vtContactUserId;
  if (vtContactUserId && choices && !choices.vtContactIds.has(vtContactUserId)) {
    addFieldError(errors, "vtContactUserId", m.vtContactUnknown);
  }
  const joins = values.vtJoinsFirstVisit;
  if (joins !== "" && joins !== "yes" && joins !== "no") addFieldError(errors, "vtJoinsFirstVisit", m.choiceUnknown);

  if (Object.keys(errors).length > 0) return { ok: false, values, fieldErrors: errors };
  return {
    ok: true,
    values,
    registration,
    assessment: {
      priority: priority as CasePriority,
      safetyAssessmentCompleted: values.safetyAssessmentCompleted,
      conclusion,
      persons,
    },
    handover: {
      targetTeamId,
      concerns: optionalText(values.concerns),
      safetyConditions: optionalText(values.safetyConditions),
      householdView: optionalText(values.householdView),
      vtContactUserId,
      vtJoinsFirstVisit: joins === "" ? null : joins === "yes",
    },
    personRows,
  };
}

const topLevelFields = new Set([
  "reference",
  "municipalityCode",
  "priority",
  "reportedAt",
  "safetyAssessmentCompleted",
  "conclusion",
  "targetTeamId",
  "concerns",
  "safetyConditions",
  "householdView",
  "vtContactUserId",
  "vtJoinsFirstVisit",
]);

const personFields = new Set<string>(["role", "name", "birthYear", "bsn", "spokenStatus", "notSpokenReason"]);

/**
 * The form field an API error path points at: "persons.1.name" is the second person sent, which may sit in a
 * later form row when empty rows were skipped. Null when the form has no such field.
 */
export function handoverFormFieldOf(path: string, personRows: readonly number[]): string | null {
  if (topLevelFields.has(path)) return path;
  const match = /^persons\.(\d+)\.(\w+)$/.exec(path);
  if (!match) return null;
  const row = personRows[Number(match[1])];
  const field = match[2] ?? "";
  return row !== undefined && personFields.has(field) ? personFieldName(row, field as PersonField) : null;
}

/** The summary's wording of a field error: person errors say which person they are about. */
export function describeHandoverFieldError(field: string, message: string): string {
  const match = /^persons-(\d+)-/.exec(field);
  return match ? m.personError(Number(match[1]) + 1, message) : message;
}

type Option = { value: string; label: string };

/** The select lists of the form, from `handover.formOptions`: teams grouped by their organisation. */
export function handoverFormChoiceLists(options: HandoverFormOptions): {
  municipalities: Option[];
  teams: { label: string; options: Option[] }[];
  vtContacts: Option[];
} {
  const groups = new Map<string, { label: string; options: Option[] }>();
  for (const team of options.teams) {
    const group = groups.get(team.organisation.id) ?? { label: team.organisation.name, options: [] };
    group.options.push({ value: team.id, label: team.name });
    groups.set(team.organisation.id, group);
  }
  return {
    municipalities: options.municipalities.map((municipality) => ({
      value: municipality.code,
      label: m.municipalityOption(municipality.name, municipality.regionName),
    })),
    teams: [...groups.values()],
    vtContacts: options.vtContacts.map((contact) => ({
      value: contact.id,
      label: m.vtContactOption(contact.name, contact.regionNames),
    })),
  };
}

export function handoverFormChoiceSets(options: HandoverFormOptions): HandoverFormChoices {
  return {
    municipalityCodes: new Set(options.municipalities.map((municipality) => municipality.code)),
    teamIds: new Set(options.teams.map((team) => team.id)),
    vtContactIds: new Set(options.vtContacts.map((contact) => contact.id)),
  };
}
