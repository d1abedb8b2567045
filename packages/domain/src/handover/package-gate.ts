export const involvedPersonRoles = ["child", "parent", "partner", "elder", "other"] as const;

export type InvolvedPersonRole = (typeof involvedPersonRoles)[number];

export const involvedPersonRoleLabels = {
  child: "kind",
  parent: "ouder",
  partner: "partner",
  elder: "oudere",
  other: "anders",
} as const satisfies Record<InvolvedPersonRole, string>;

export const spokenStatuses = ["spoken", "not_spoken"] as const;

export type SpokenStatus = (typeof spokenStatuses)[number];

export type PackageGateInvolvedPerson = {
  id: string;
  role: InvolvedPersonRole;
  spokenStatus: SpokenStatus | null;
  notSpokenReason: string | null;
};

export type PackageGateInput = {
  safetyAssessmentCompletedAt: Date | null;
  involvedPersons: readonly PackageGateInvolvedPerson[];
  concerns: string | null;
  conclusion: string | null;
  safetyConditions: string | null;
  householdView: string | null;
  vtContactUserId: string | null;
  vtJoinsFirstVisit: boolean | null;
};

export type MissingPackageItemCode =
  | "safety_assessment_not_completed"
  | "no_involved_persons"
  | "person_spoken_status_missing"
  | "person_not_spoken_reason_missing"
  | "concerns_missing"
  | "conclusion_missing"
  | "safety_conditions_missing"
  | "household_view_missing"
  | "vt_contact_missing"
  | "vt_joins_first_visit_missing";

/** The input field to point at; per-person items also carry the person's id. */
export type MissingPackageItemField =
  | Exclude<keyof PackageGateInput, "involvedPersons">
  | "involvedPersons"
  | "involvedPersons.spokenStatus"
  | "involvedPersons.notSpokenReason";

export type MissingPackageItem = {
  code: MissingPackageItemCode;
  field: MissingPackageItemField;
  personId?: string;
  message: string;
};

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === "";
}

/**
 * Everything that keeps this handover package from being offered, all at once so the worker can fix it in one go.
 * Persons are named by position and role only: these messages end up in logs and error responses.
 */
export function findMissingPackageItems(input: PackageGateInput): MissingPackageItem[] {
  const missing: MissingPackageItem[] = [];

  if (input.safetyAssessmentCompletedAt === null) {
    missing.push({
      code: "safety_assessment_not_completed",
      field: "safetyAssessmentCompletedAt",
      message: "De veiligheidsbeoordeling is nog niet afgerond.",
    });
  }

  if (input.involvedPersons.length === 0) {
    missing.push({
      code: "no_involved_persons",
      field: "involvedPersons",
      message: "Er is geen directbetrokkene vastgelegd.",
    });
  }

  input.involvedPersons.forEach((person, index) => {
    const who = `directbetrokkene ${index + 1} (${involvedPersonRoleLabels[person.role]})`;
    if (person.spokenStatus === null) {
      missing.push({
        code: "person_spoken_status_missing",
        field: "involvedPersons.spokenStatus",
        personId: person.id,
        message: `Van ${who} is niet vastgelegd of hij of zij gesproken is.`,
      });
    } else if (person.spokenStatus === "not_spoken" && isBlank(person.notSpokenReason)) {
      // The seed's exception: not speaking someone is acceptable only for a stated reason, such as a partner
      // organisation already being involved.
      missing.push({
        code: "person_not_spoken_reason_missing",
        field: "involvedPersons.notSpokenReason",
        personId: person.id,
        message: `Vermeld waarom ${who} niet gesproken is.`,
      });
    }
  });

  const texts = [
    ["concerns", "concerns_missing", "Beschrijf de zorgen."],
    ["conclusion", "conclusion_missing", "Vul de conclusie van de veiligheidsbeoordeling in."],
    ["safetyConditions", "safety_conditions_missing", "Beschrijf de veiligheidsvoorwaarden."],
    ["householdView", "household_view_missing", "Beschrijf hoe het huishouden zelf tegen de situatie aankijkt."],
  ] as const;
  for (const [field, code, message] of texts) {
    if (isBlank(input[field])) missing.push({ code, field, message });
  }

  if (isBlank(input.vtContactUserId)) {
    missing.push({
      code: "vt_contact_missing",
      field: "vtContactUserId",
      message: "Kies een aanspreekpunt bij Veilig Thuis.",
    });
  }

  if (input.vtJoinsFirstVisit === null) {
    missing.push({
      code: "vt_joins_first_visit_missing",
      field: "vtJoinsFirstVisit",
      message: "Geef aan of Veilig Thuis meegaat naar het eerste huisbezoek.",
    });
  }

  return missing;
}

/** Thrown when an offer is attempted with an incomplete package; `items` lists everything that is missing. */
export class IncompletePackageError extends Error {
  override readonly name = "IncompletePackageError";
  readonly code = "package_incomplete";
  readonly items: readonly MissingPackageItem[];

  constructor({ items }: { items: readonly MissingPackageItem[] }) {
    super(`De overdracht kan nog niet worden aangeboden: ${items.map((item) => item.message).join(" ")}`);
    this.items = items;
  }
}

export function assertPackageComplete(input: PackageGateInput): void {
  const items = findMissingPackageItems(input);
  if (items.length > 0) throw new IncompletePackageError({ items });
}
