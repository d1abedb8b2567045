import { describe, expect, it } from "vitest";
import {
  assertPackageComplete,
  findMissingPackageItems,
  IncompletePackageError,
  involvedPersonRoleLabels,
  involvedPersonRoles,
  type PackageGateInput,
} from "./package-gate";

const completePackage: PackageGateInput = {
  safetyAssessmentCompletedAt: new Date("2026-03-02T10:00:00Z"),
  involvedPersons: [
    { id: "p-1", role: "parent", spokenStatus: "spoken", notSpokenReason: null },
    { id: "p-2", role: "child", spokenStatus: "spoken", notSpokenReason: null },
  ],
  concerns: "Zorgen over huiselijk geweld tussen de ouders.",
  conclusion: "Onveilig, hulp nodig om de veiligheid te herstellen.",
  safetyConditions: "Geen fysiek geweld; de ouders zoeken hulp.",
  householdView: "De ouders erkennen de zorgen en willen hulp.",
  vtContactUserId: "user-vt-1",
  vtJoinsFirstVisit: false,
};

const emptyPackage: PackageGateInput = {
  safetyAssessmentCompletedAt: null,
  involvedPersons: [],
  concerns: null,
  conclusion: null,
  safetyConditions: null,
  householdView: null,
  vtContactUserId: null,
  vtJoinsFirstVisit: null,
};

describe("findMissingPackageItems", () => {
  it("passes a complete package", () => {
    expect(findMissingPackageItems(completePackage)).toEqual([]);
    expect(() => assertPackageComplete(completePackage)).not.toThrow();
  });

  it("lists everything that is missing at once, in Dutch", () => {
    expect(findMissingPackageItems(emptyPackage)).toEqual([
      {
        code: "safety_assessment_not_completed",
        field: "safetyAssessmentCompletedAt",
        message: "De veiligheidsbeoordeling is nog niet afgerond.",
      },
      { code: "no_involved_persons", field: "involvedPersons", message: "Er is geen directbetrokkene vastgelegd." },
      { code: "concerns_missing", field: "concerns", message: "Beschrijf de zorgen." },
      {
        code: "conclusion_missing",
        field: "conclusion",
        message: "Vul de conclusie van de veiligheidsbeoordeling in.",
      },
      { code: "safety_conditions_missing", field: "safetyConditions", message: "Beschrijf de veiligheidsvoorwaarden." },
      {
        code: "household_view_missing",
        field: "householdView",
        message: "Beschrijf hoe het huishouden zelf tegen de situatie aankijkt.",
      },
      { code: "vt_contact_missing", field: "vtContactUserId", message: "Kies een aanspreekpunt bij Veilig Thuis." },
      {
        code: "vt_joins_first_visit_missing",
        field: "vtJoinsFirstVisit",
        message: "Geef aan of Veilig Thuis meegaat naar het eerste huisbezoek.",
      },
    ]);
  });

  it("treats whitespace-only text as missing", () => {
    const items = findMissingPackageItems({
      ...completePackage,
      concerns: "  ",
      conclusion: "\n",
      safetyConditions: "\t",
      householdView: " ",
      vtContactUserId: " ",
    });
    expect(items.map((item) => item.code)).toEqual([
      "concerns_missing",
      "conclusion_missing",
      "safety_conditions_missing",
      "household_view_missing",
      "vt_contact_missing",
    ]);
  });

  it("checks every involved person, naming them by position and role only", () => {
    const items = findMissingPackageItems({
      ...completePackage,
      involvedPersons: [
        { id: "p-1", role: "parent", spokenStatus: "spoken", notSpokenReason: null },
        { id: "p-2", role: "child", spokenStatus: null, notSpokenReason: null },
        { id: "p-3", role: "partner", spokenStatus: "not_spoken", notSpokenReason: "   " },
        { id: "p-4", role: "elder", spokenStatus: null, notSpokenReason: null },
      ],
    });
    expect(items).toEqual([
      {
        code: "person_spoken_status_missing",
        field: "involvedPersons.spokenStatus",
        personId: "p-2",
        message: "Van directbetrokkene 2 (kind) is niet vastgelegd of hij of zij gesproken is.",
      },
      {
        code: "person_not_spoken_reason_missing",
        field: "involvedPersons.notSpokenReason",
        personId: "p-3",
        message: "Vermeld waarom directbetrokkene 3 (partner) niet gesproken is.",
      },
      {
        code: "person_spoken_status_missing",
        field: "involvedPersons.spokenStatus",
        personId: "p-4",
        message: "Van directbetrokkene 4 (oudere) is niet vastgelegd of hij of zij gesproken is.",
      },
    ]);
  });

  it("accepts a person not spoken for a stated reason, such as a partner already being involved", () => {
    const items = findMissingPackageItems({
      ...completePackage,
      involvedPersons: [
        { id: "p-1", role: "parent", spokenStatus: "spoken", notSpokenReason: null },
        {
          id: "p-2",
          role: "child",
          spokenStatus: "not_spoken",
          notSpokenReason: "Het kind heeft al een vaste hulpverlener bij het CJG.",
        },
      ],
    });
    expect(items).toEqual([]);
  });

  it("reports a missing assessment and a missing person status together", () => {
    const items = findMissingPackageItems({
      ...completePackage,
      safetyAssessmentCompletedAt: null,
      involvedPersons: [{ id: "p-1", role: "other", spokenStatus: null, notSpokenReason: null }],
      vtJoinsFirstVisit: null,
    });
    expect(items.map((item) => item.code)).toEqual([
      "safety_assessment_not_completed",
      "person_spoken_status_missing",
      "vt_joins_first_visit_missing",
    ]);
  });

  it("throws an IncompletePackageError carrying every missing item", () => {
    try {
      assertPackageComplete(emptyPackage);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IncompletePackageError);
      const { code, items, message } = error as IncompletePackageError;
      expect(code).toBe("package_incomplete");
      expect(items).toHaveLength(8);
      expect(message).toMatch(/^De overdracht kan nog niet worden aangeboden: De veiligheidsbeoordeling/);
    }
  });

  it("has a Dutch label for every role", () => {
    expect(involvedPersonRoles.map((role) => involvedPersonRoleLabels[role])).toEqual([
      "kind",
      "ouder",
      "partner",
      "oudere",
      "anders",
    ]);
  });
});
