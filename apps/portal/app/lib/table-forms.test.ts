import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import type { TableFormOptions } from "./api-types";
import {
  decisionChoicesOf,
  decisionFieldOf,
  parseTableAction,
  parseTableForm,
  readRegionFilter,
  readTableForm,
  tableFormChoicesOf,
  tableFormFieldOf,
} from "./table-forms";

const REGION = "7f0c1a52-0000-4000-8000-000000000001";
const CHAIR = "7f0c1a52-0000-4000-8000-000000000002";
const SWT = "7f0c1a52-0000-4000-8000-000000000003";
const ITEM = "7f0c1a52-0000-4000-8000-000000000004";
const TEAM = "7f0c1a52-0000-4000-8000-000000000005";
const SWT_WORKER = "7f0c1a52-0000-4000-8000-000000000006";
const VT = "7f0c1a52-0000-4000-8000-000000000007";
const CJG = "7f0c1a52-0000-4000-8000-000000000008";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  }
  return data;
}

const options: TableFormOptions = {
  regions: [{ id: REGION, name: "Haarlem e.o." }],
  organisations: [
    {
      id: VT,
      name: "Veilig Thuis Kennemerland",
      kind: "vt",
      teams: [],
      people: [
        { id: CHAIR, name: "Hanna Jansen", teamId: null, role: "team_coordinator" },
        { id: CHAIR, name: "Hanna Jansen", teamId: null, role: "vt_worker" },
      ],
    },
    {
      id: SWT,
      name: "Sociaal Wijkteam Haarlem",
      kind: "local_team",
      teams: [{ id: TEAM, name: "Wijkteam Haarlem" }],
      people: [{ id: SWT_WORKER, name: "Sanne Visser", teamId: TEAM, role: "partner_worker" }],
    },
    { id: CJG, name: "CJG Haarlemmermeer", kind: "cjg", teams: [], people: [] },
  ],
  agendaCandidates: [],
};

describe("the create form", () => {
  it("turns the Dutch date and time into the instant the API takes", () => {
    const values = readTableForm(
      form({
        regionId: REGION,
        date: "2026-12-03",
        time: "14:00",
        chairUserId: CHAIR,
        participantOrganisationIds: [SWT, CJG],
      }),
    );
    const parsed = parseTableForm(values);
    expect(parsed).toEqual({
      ok: true,
      input: {
        regionId: REGION,
        scheduledAt: new Date("2026-12-03T13:00:00Z"),
        chairUserId: CHAIR,
        participantOrganisationIds: [SWT, CJG],
      },
    });
  });

  it("names every missing field at once", () => {
    const parsed = parseTableForm(readTableForm(form({ time: "25:00" })));
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        regionId: nl.tableForm.regionRequired,
        date: nl.tableForm.dateRequired,
        time: nl.tableForm.timeInvalid,
        chairUserId: nl.tableForm.chairRequired,
        participantOrganisationIds: nl.tableForm.participantsRequired,
      },
    });
  });

  it("puts the API's problems at the form's fields", () => {
    expect(tableFormFieldOf("scheduledAt")).toBe("date");
    expect(tableFormFieldOf("participantOrganisationIds.0")).toBe("participantOrganisationIds");
    expect(tableFormFieldOf("chairUserId")).toBe("chairUserId");
    expect(tableFormFieldOf("somethingElse")).toBeNull();
  });

  it("offers VT's coördinatoren once as chair and only partner organisations as participants", () => {
    expect(tableFormChoicesOf(options, VT)).toEqual({
      regions: [{ value: REGION, label: "Haarlem e.o." }],
      chairs: [{ value: CHAIR, label: "Hanna Jansen" }],
      partners: [
        { value: SWT, label: "Sociaal Wijkteam Haarlem" },
        { value: CJG, label: "CJG Haarlemmermeer" },
      ],
    });
  });
});

describe("the meeting page's forms", () => {
  it("sends only the chosen kind's fields with a decision", () => {
    const parsed = parseTableAction(
      form({
        intent: "decide",
        itemId: ITEM,
        version: "3",
        kind: "handover",
        targetTeamId: TEAM,
        acceptedByUserId: SWT_WORKER,
        concerns: " Zorgen ",
        safetyConditions: "",
        vtJoinsFirstVisit: "yes",
        partnerOrganisationId: SWT,
        note: "",
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      command: {
        intent: "decide",
        itemId: ITEM,
        input: {
          kind: "handover",
          version: 3,
          targetTeamId: TEAM,
          acceptedByUserId: SWT_WORKER,
          concerns: "Zorgen",
          safetyConditions: null,
          householdView: null,
          vtContactUserId: null,
          vtJoinsFirstVisit: true,
          note: null,
        },
      },
    });
  });

  it("leaves out a team chosen before switching to postpone", () => {
    const parsed = parseTableAction(
      form({ intent: "decide", itemId: ITEM, version: "1", kind: "postpone", targetTeamId: TEAM, note: "Later" }),
    );
    expect(parsed).toMatchObject({ ok: true, command: { input: { kind: "postpone", version: 1, note: "Later" } } });
    expect(parsed.ok && parsed.command.intent === "decide" && "targetTeamId" in parsed.command.input).toBe(false);
  });

  it("asks for a kind at the item's own form", () => {
    expect(parseTableAction(form({ intent: "decide", itemId: ITEM, version: "1" }))).toEqual({
      ok: false,
      intent: "decide",
      itemId: ITEM,
      fieldErrors: { kind: nl.tableDetail.decide.kindRequired },
      formErrors: [],
    });
  });

  it("reads the agenda, remove and close forms", () => {
    expect(parseTableAction(form({ intent: "addItem", caseId: ITEM, shortReason: " Afstemmen " }))).toEqual({
      ok: true,
      command: { intent: "addItem", caseId: ITEM, shortReason: "Afstemmen" },
    });
    expect(parseTableAction(form({ intent: "addItem", shortReason: "x".repeat(201) }))).toMatchObject({
      ok: false,
      fieldErrors: { caseId: nl.tableDetail.caseRequired, shortReason: nl.tableDetail.shortReasonTooLong },
    });
    expect(parseTableAction(form({ intent: "removeItem", itemId: ITEM, version: "2" }))).toEqual({
      ok: true,
      command: { intent: "removeItem", itemId: ITEM, version: 2 },
    });
    expect(parseTableAction(form({ intent: "close", version: "7" }))).toEqual({
      ok: true,
      command: { intent: "close", version: 7 },
    });
  });

  it("refuses a form without its hidden fields", () => {
    expect(parseTableAction(form({ intent: "close" }))).toMatchObject({
      ok: false,
      formErrors: [nl.forms.checkFields],
    });
    expect(parseTableAction(form({ intent: "hack" }))).toMatchObject({ ok: false, intent: null });
  });

  it("maps the API's decision paths to the form", () => {
    expect(decisionFieldOf("acceptedByUserId")).toBe("acceptedByUserId");
    expect(decisionFieldOf("id")).toBeNull();
  });

  it("offers only the teams and people of the meeting's participants", () => {
    const choices = decisionChoicesOf(options, {
      organisation: { id: VT, name: "Veilig Thuis Kennemerland" },
      participants: [{ id: SWT, name: "Sociaal Wijkteam Haarlem", kind: "local_team" }],
    });
    expect(choices).toEqual({
      teams: [{ label: "Sociaal Wijkteam Haarlem", options: [{ value: TEAM, label: "Wijkteam Haarlem" }] }],
      partnerPeople: [{ label: "Sociaal Wijkteam Haarlem", options: [{ value: SWT_WORKER, label: "Sanne Visser" }] }],
      partners: [{ value: SWT, label: "Sociaal Wijkteam Haarlem" }],
      vtPeople: [{ value: CHAIR, label: "Hanna Jansen" }],
    });
  });

  it("reads the region filter only when it is an id", () => {
    expect(readRegionFilter(new URLSearchParams({ regio: REGION }))).toBe(REGION);
    expect(readRegionFilter(new URLSearchParams({ regio: "haarlem" }))).toBeNull();
  });
});
