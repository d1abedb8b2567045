import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import {
  addPersonRow,
  describeHandoverFieldError,
  emptyHandoverFormValues,
  emptyPersonRow,
  type HandoverFormValues,
  handoverFormChoiceLists,
  handoverFormFieldOf,
  MAX_PERSONS,
  parseHandoverForm,
  readHandoverForm,
} from "./handover-form";

const m = nl.handoverForm;
const TEAM = "7f0c1a52-0000-4000-8000-000000000001";
const CONTACT = "7f0c1a52-0000-4000-8000-000000000002";
const PERSON = "7f0c1a52-0000-4000-8000-000000000003";
const TODAY = "2026-11-25";
const choices = {
  municipalityCodes: new Set(["GM0392"]),
  teamIds: new Set([TEAM]),
  vtContactIds: new Set([CONTACT]),
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const complete = {
  reference: " VT-2026-0042 ",
  municipalityCode: "GM0392",
  priority: "high",
  reportedAt: "2026-11-18",
  safetyAssessmentCompleted: "yes",
  conclusion: "Zorgen bevestigd.",
  personCount: "3",
  "persons-0-role": "parent",
  "persons-0-name": "Fatima El Amrani",
  "persons-0-birthYear": "1988",
  "persons-0-bsn": "1234.56.782",
  "persons-0-spokenStatus": "spoken",
  "persons-0-notSpokenReason": "niet meesturen",
  // Row 1 left empty: skipped.
  "persons-1-role": "",
  "persons-1-name": "  ",
  "persons-2-id": PERSON,
  "persons-2-bsnStored": "333",
  "persons-2-role": "child",
  "persons-2-name": "Noah",
  "persons-2-birthYear": "",
  "persons-2-spokenStatus": "not_spoken",
  "persons-2-notSpokenReason": "Te jong.",
  targetTeamId: TEAM,
  concerns: "Spanningen thuis.",
  safetyConditions: "",
  householdView: "Moeder wil hulp.",
  vtContactUserId: CONTACT,
  vtJoinsFirstVisit: "no",
};

describe("readHandoverForm", () => {
  it("reads every row that was on the page, and the checkbox by presence", () => {
    const values = readHandoverForm(form(complete));
    expect(values.persons).toHaveLength(3);
    expect(values.persons[1]).toEqual({ ...emptyPersonRow(), name: "  " });
    expect(values.persons[2]).toMatchObject({ id: PERSON, bsn: "", bsnStored: "333", bsnRemove: "" });
    expect(values.safetyAssessmentCompleted).toBe(true);
    expect(readHandoverForm(form({})).safetyAssessmentCompleted).toBe(false);
  });

  it("keeps the number of rows within bounds", () => {
    expect(readHandoverForm(form({})).persons).toHaveLength(3);
    expect(readHandoverForm(form({ personCount: "0" })).persons).toHaveLength(1);
    expect(readHandoverForm(form({ personCount: "5000" })).persons).toHaveLength(MAX_PERSONS);
    expect(readHandoverForm(form({ personCount: "drie" })).persons).toHaveLength(3);
  });
});

describe("addPersonRow", () => {
  it("adds one empty row and keeps what was typed", () => {
    const values = readHandoverForm(form(complete));
    const more = addPersonRow(values);
    expect(more.persons).toHaveLength(4);
    expect(more.persons[0]?.name).toBe("Fatima El Amrani");
    expect(more.persons[3]).toEqual(emptyPersonRow());
  });

  it("stops at the maximum", () => {
    const values = readHandoverForm(form({ personCount: String(MAX_PERSONS) }));
    expect(addPersonRow(values).persons).toHaveLength(MAX_PERSONS);
  });
});

describe("parseHandoverForm", () => {
  it("builds the case and handover input, skipping empty person rows", () => {
    const result = parseHandoverForm(readHandoverForm(form(complete)), { mode: "create", today: TODAY, choices });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.registration).toEqual({
      reference: "VT-2026-0042",
      municipalityCode: "GM0392",
      reportedAt: new Date("2026-11-18T12:00:00Z"),
    });
    expect(result.assessment).toEqual({
      priority: "high",
      safetyAssessmentCompleted: true,
      conclusion: "Zorgen bevestigd.",
      persons: [
        // A reason is only kept for someone not spoken.
        // A BSN goes to the API as typed (it checks the elfproef); a new row without one sends null, a stored
        // person's row without one sends nothing, so the API keeps the stored BSN.
        {
          role: "parent",
          name: "Fatima El Amrani",
          birthYear: 1988,
          bsn: "1234.56.782",
          spokenStatus: "spoken",
          notSpokenReason: null,
        },
        {
          id: PERSON,
          role: "child",
          name: "Noah",
          birthYear: null,
          spokenStatus: "not_spoken",
          notSpokenReason: "Te jong.",
        },
      ],
    });
    const removed = parseHandoverForm(readHandoverForm(form({ ...complete, "persons-2-bsnRemove": "ja" })), {
      mode: "create",
      today: TODAY,
      choices,
    });
    expect(removed.ok && removed.assessment.persons[1]?.bsn).toBeNull();
    expect(result.personRows).toEqual([0, 2]);
    expect(result.handover).toEqual({
      targetTeamId: TEAM,
      concerns: "Spanningen thuis.",
      safetyConditions: null,
      householdView: "Moeder wil hulp.",
      vtContactUserId: CONTACT,
      vtJoinsFirstVisit: false,
    });
  });

  it("accepts a draft with only what a draft needs", () => {
    const values: HandoverFormValues = {
      ...emptyHandoverFormValues(),
      reference: "VT-1",
      municipalityCode: "GM0392",
      reportedAt: TODAY,
      targetTeamId: TEAM,
    };
    const result = parseHandoverForm(values, { mode: "create", today: TODAY, choices });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.assessment.persons).toEqual([]);
      expect(result.handover.vtJoinsFirstVisit).toBeNull();
      expect(result.handover.vtContactUserId).toBeNull();
    }
  });

  it("gives each problem a Dutch message at its own field, persons by their form row", () => {
    const values = readHandoverForm(
      form({
        reference: "",
        municipalityCode: "GM9999",
        priority: "urgent",
        reportedAt: "2026-11-26",
        personCount: "3",
        "persons-1-name": "Zonder rol",
        "persons-1-birthYear": "88",
        "persons-2-role": "child",
        "persons-2-spokenStatus": "not_spoken",
        targetTeamId: "",
        vtContactUserId: "someone-else",
        vtJoinsFirstVisit: "misschien",
      }),
    );
    const result = parseHandoverForm(values, { mode: "create", today: TODAY, choices });
    expect(result).toEqual({
      ok: false,
      values,
      fieldErrors: {
        reference: m.referenceRequired,
        municipalityCode: m.municipalityRequired,
        reportedAt: m.reportedAtFuture,
        priority: m.priorityInvalid,
        "persons-1-role": m.personRoleRequired,
        "persons-1-birthYear": m.personBirthYearInvalid,
        "persons-2-name": m.personNameRequired,
        "persons-2-notSpokenReason": m.personReasonRequired,
        targetTeamId: m.teamRequired,
        vtContactUserId: m.vtContactUnknown,
        vtJoinsFirstVisit: m.choiceUnknown,
      },
    });
  });

  it("refuses dates that do not exist and overlong texts", () => {
    const values = {
      ...emptyHandoverFormValues(),
      reference: "x".repeat(51),
      municipalityCode: "GM0392",
      reportedAt: "2026-02-30",
      targetTeamId: TEAM,
      concerns: "z".repeat(10_001),
    };
    const result = parseHandoverForm(values, { mode: "create", today: TODAY, choices });
    expect(result.ok ? null : result.fieldErrors).toEqual({
      reference: m.referenceTooLong,
      reportedAt: m.reportedAtInvalid,
      concerns: m.concernsTooLong,
    });
  });

  it("leaves the registration alone when editing", () => {
    const values = { ...emptyHandoverFormValues(), targetTeamId: TEAM };
    const result = parseHandoverForm(values, { mode: "edit", today: TODAY, choices });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.registration).toBeNull();
  });
});

describe("handoverFormFieldOf", () => {
  it("maps API paths to form fields, counting only the persons that were sent", () => {
    expect(handoverFormFieldOf("reference", [0, 2])).toBe("reference");
    expect(handoverFormFieldOf("vtContactUserId", [])).toBe("vtContactUserId");
    expect(handoverFormFieldOf("persons.1.notSpokenReason", [0, 2])).toBe("persons-2-notSpokenReason");
    expect(handoverFormFieldOf("persons.0.name", [1])).toBe("persons-1-name");
    // The elfproef is the API's: its message lands at the row's BSN field.
    expect(handoverFormFieldOf("persons.1.bsn", [0, 2])).toBe("persons-2-bsn");
  });

  it("knows no other fields", () => {
    expect(handoverFormFieldOf("persons.5.name", [0])).toBeNull();
    expect(handoverFormFieldOf("persons.0.id", [0])).toBeNull();
    expect(handoverFormFieldOf("persons", [0])).toBeNull();
    expect(handoverFormFieldOf("caseId", [])).toBeNull();
  });
});

describe("describeHandoverFieldError", () => {
  it("says which person a message is about", () => {
    expect(describeHandoverFieldError("persons-2-name", "Vul de naam in.")).toBe("Directbetrokkene 3: Vul de naam in.");
    expect(describeHandoverFieldError("concerns", "Te lang.")).toBe("Te lang.");
  });
});

describe("handoverFormChoiceLists", () => {
  it("groups the teams by organisation and names the regions", () => {
    const org = (id: string, name: string) => ({ id, name, kind: "local_team" });
    const lists = handoverFormChoiceLists({
      teams: [
        {
          id: "t1",
          name: "Wijkteam Haarlem",
          organisation: org("o1", "Sociaal Wijkteam Haarlem"),
          municipalityCodes: [],
        },
        { id: "t2", name: "Wijkteam Zuid", organisation: org("o1", "Sociaal Wijkteam Haarlem"), municipalityCodes: [] },
        { id: "t3", name: "CJG Haarlemmermeer", organisation: org("o2", "CJG Haarlemmermeer"), municipalityCodes: [] },
      ],
      vtContacts: [
        { id: "c1", name: "Hanna Jansen", regionNames: ["Haarlem e.o."] },
        { id: "c2", name: "Nieuw", regionNames: [] },
      ],
      municipalities: [{ code: "GM0392", name: "Haarlem", regionId: "r1", regionName: "Haarlem e.o." }],
      regions: [{ id: "r1", name: "Haarlem e.o." }],
    });
    expect(lists).toEqual({
      municipalities: [{ value: "GM0392", label: "Haarlem (regio Haarlem e.o.)" }],
      teams: [
        {
          label: "Sociaal Wijkteam Haarlem",
          options: [
            { value: "t1", label: "Wijkteam Haarlem" },
            { value: "t2", label: "Wijkteam Zuid" },
          ],
        },
        { label: "CJG Haarlemmermeer", options: [{ value: "t3", label: "CJG Haarlemmermeer" }] },
      ],
      vtContacts: [
        { value: "c1", label: "Hanna Jansen (Haarlem e.o.)" },
        { value: "c2", label: "Nieuw" },
      ],
    });
  });
});
