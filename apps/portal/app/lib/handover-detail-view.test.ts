import { describe, expect, it } from "vitest";
import type { HandoverDetail } from "./api-types";
import { describeHistoryEntry, handoverDetailViewOf, missingItemHref } from "./handover-detail-view";

const ID = "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";
const PERSON_1 = "6f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";
const PERSON_2 = "7f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";

const draft: HandoverDetail = {
  id: ID,
  status: "draft",
  version: 2,
  caseId: "1f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
  caseReference: "VT-2026-0042",
  priority: "normal",
  municipality: { code: "GM0392", name: "Haarlem" },
  region: { id: "2f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Haarlem e.o." },
  organisation: { id: "3f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Veilig Thuis Kennemerland" },
  targetOrganisation: {
    id: "4f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
    name: "Sociaal Wijkteam Haarlem",
    kind: "local_team",
  },
  targetTeam: { id: "5f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Wijkteam Haarlem" },
  offeredAt: null,
  acceptanceDueOn: null,
  firstContactDueOn: null,
  currentDeadline: null,
  overdue: false,
  updatedAt: new Date("2026-11-25T13:03:00Z"),
  case: {
    id: "1f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
    reference: "VT-2026-0042",
    reportedAt: new Date("2026-11-18T12:00:00Z"),
    safetyAssessmentDueOn: "2026-11-25",
    safetyAssessmentCompletedAt: null,
    conclusion: null,
    persons: [
      {
        id: PERSON_1,
        position: 1,
        role: "parent",
        name: "Fatima El Amrani",
        birthYear: 1988,
        bsnMasked: "****.**.782",
        spokenStatus: "spoken",
        notSpokenReason: null,
      },
      {
        id: PERSON_2,
        position: 2,
        role: "child",
        name: "Noah",
        birthYear: null,
        bsnMasked: null,
        spokenStatus: "not_spoken",
        notSpokenReason: null,
      },
    ],
  },
  concerns: "Spanningen thuis.",
  safetyConditions: null,
  householdView: "  ",
  vtContact: null,
  vtJoinsFirstVisit: false,
  offeringUser: { id: "8f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Mira de Vries" },
  assignedUser: null,
  acceptedAt: null,
  firstContactOn: null,
  closedAt: null,
  declineReasonCode: null,
  declineReasonText: null,
  returnReasonText: null,
  outcomeCode: null,
  outcomeReferredTo: null,
  history: [
    {
      id: 1,
      at: new Date("2026-11-25T13:03:00Z"),
      action: "create",
      fromStatus: null,
      toStatus: "draft",
      actor: { name: "Mira de Vries", organisation: "Veilig Thuis Kennemerland" },
      reason: null,
    },
  ],
  allowedActions: ["update", "offer", "withdraw"],
  missingItems: [
    {
      code: "person_not_spoken_reason_missing",
      field: "involvedPersons.notSpokenReason",
      personId: PERSON_2,
      message: "Vermeld waarom directbetrokkene 2 (kind) niet gesproken is.",
    },
  ],
};

describe("describeHistoryEntry", () => {
  it("says what happened, by whom and when, in Amsterdam time", () => {
    expect(
      describeHistoryEntry({
        id: 3,
        at: new Date("2026-11-25T13:03:00Z"),
        action: "offer",
        fromStatus: "draft",
        toStatus: "offered",
        actor: { name: "Mira de Vries", organisation: "Veilig Thuis Kennemerland" },
        reason: null,
      }),
    ).toEqual({
      id: 3,
      text: "Aangeboden door Mira de Vries (Veilig Thuis Kennemerland) op 25 november 2026 om 14:03",
      at: "2026-11-25T13:03:00.000Z",
      reason: null,
    });
  });

  it("names the portal once for its own steps, and shows a reason", () => {
    const entry = describeHistoryEntry({
      id: 4,
      at: new Date("2026-07-01T08:00:00Z"),
      action: "escalate",
      fromStatus: "offered",
      toStatus: "offered",
      actor: { name: "Ketenportaal", organisation: "Ketenportaal" },
      reason: "Acceptatietermijn verlopen",
    });
    expect(entry.text).toBe("Termijn verlopen en geëscaleerd door Ketenportaal op 1 juli 2026 om 10:00");
    expect(entry.reason).toBe("Toelichting: Acceptatietermijn verlopen");
  });

  it("has a word for actions it does not know yet", () => {
    const entry = describeHistoryEntry({ ...draft.history[0], action: "archive" } as HandoverDetail["history"][0]);
    expect(entry.text.startsWith("Gewijzigd door")).toBe(true);
  });
});

describe("missingItemHref", () => {
  it("links to the field on the edit page that fixes it", () => {
    const persons = [PERSON_1, PERSON_2];
    const href = (field: string, personId?: string) =>
      missingItemHref(ID, { code: "x", field, message: "x", ...(personId ? { personId } : {}) }, persons);
    expect(href("concerns")).toBe(`/overdrachten/${ID}/bewerken#field-concerns`);
    expect(href("safetyAssessmentCompletedAt")).toBe(`/overdrachten/${ID}/bewerken#field-safetyAssessmentCompleted`);
    expect(href("involvedPersons")).toBe(`/overdrachten/${ID}/bewerken#field-persons-0-role`);
    expect(href("involvedPersons.spokenStatus", PERSON_2)).toBe(
      `/overdrachten/${ID}/bewerken#field-persons-1-spokenStatus`,
    );
    expect(href("involvedPersons.notSpokenReason", "gone")).toBe(`/overdrachten/${ID}/bewerken`);
    expect(href("somethingNew")).toBe(`/overdrachten/${ID}/bewerken`);
  });
});

describe("handoverDetailViewOf", () => {
  it("shows the package with what is not filled in yet", () => {
    const view = handoverDetailViewOf(draft);
    expect(view.packageRows.map((row) => [row.label, row.value])).toEqual([
      ["Zorgen", "Spanningen thuis."],
      ["Conclusie van de veiligheidsbeoordeling", "Nog niet ingevuld"],
      ["Veiligheidsvoorwaarden", "Nog niet ingevuld"],
      ["Visie van het huishouden", "Nog niet ingevuld"],
      ["Aanspreekpunt Veilig Thuis", "Nog niet ingevuld"],
      ["Veilig Thuis gaat mee op het eerste huisbezoek", "Nee"],
    ]);
    expect(view.caseRows.find((row) => row.key === "safetyAssessment")?.value).toBe(
      "Nog niet afgerond (uiterlijk 25 november 2026)",
    );
    expect(view.persons.map((person) => person.spoken)).toEqual(["Ja", "Nee"]);
    expect(view.persons.map((person) => person.bsn)).toEqual([{ masked: "****.**.782", lastDigits: "782" }, null]);
    expect(view.missingItems).toEqual([
      {
        message: "Vermeld waarom directbetrokkene 2 (kind) niet gesproken is.",
        href: `/overdrachten/${ID}/bewerken#field-persons-1-notSpokenReason`,
      },
    ]);
    expect(view.facts.some((row) => row.key === "assignedTo")).toBe(false);
  });

  it("shows why a handover was declined, and how one ended", () => {
    const declined = handoverDetailViewOf({
      ...draft,
      status: "declined",
      declineReasonCode: "other",
      declineReasonText: "Gezin verhuist.",
    });
    expect(declined.closure).toEqual([
      {
        key: "decline",
        heading: "Afwijzing",
        rows: [
          { key: "reason", label: "Reden", value: "Anders" },
          { key: "text", label: "Toelichting", value: "Gezin verhuist." },
        ],
      },
    ]);
    const completed = handoverDetailViewOf({
      ...draft,
      status: "completed",
      outcomeCode: "referred_on",
      outcomeReferredTo: "GGZ Haarlem",
    });
    expect(completed.closure[0]?.rows.map((row) => row.value)).toEqual(["Doorverwezen", "GGZ Haarlem"]);
  });
});
