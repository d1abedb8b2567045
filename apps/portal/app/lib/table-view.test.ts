import { describe, expect, it } from "vitest";
import type { TableDetail, TableMinutes } from "./api-types";
import { agendaItemViewOf, formatMeetingMoment, minutesRowOf } from "./table-view";

const ID = "7f0c1a52-0000-4000-8000-000000000001";

describe("formatMeetingMoment", () => {
  it("says the day and time in Amsterdam", () => {
    expect(formatMeetingMoment(new Date("2026-12-03T13:00:00Z"))).toBe("donderdag 3 december 2026, 14:00");
  });
});

describe("agendaItemViewOf", () => {
  const item: TableDetail["items"][number] = {
    id: ID,
    version: 2,
    position: 1,
    caseId: ID,
    caseReference: "VT-2026-0112",
    municipality: { code: "GM0392", name: "Haarlem" },
    priority: "high",
    shortReason: "Samen bepalen wie het gezin oppakt",
    postponedFromItemId: null,
    decision: "handover",
    decidedAt: new Date("2026-12-03T13:10:00Z"),
    receivingOrganisation: { id: ID, name: "Sociaal Wijkteam Haarlem" },
    targetTeam: { id: ID, name: "Wijkteam Haarlem" },
    postponedTo: null,
    receivedByMe: false,
    handoverId: ID,
    vvTrajectoryId: null,
    decisionNote: null,
  };

  it("shows the summary every participant may read and where the decision led", () => {
    const view = agendaItemViewOf(item);
    expect(view.heading).toBe("1. Casus VT-2026-0112");
    expect(view.rows.map((row) => [row.label, row.value])).toEqual([
      ["Gemeente", "Haarlem"],
      ["Prioriteit", "Hoog"],
      ["Reden", "Samen bepalen wie het gezin oppakt"],
      ["Besluit", "Overdracht aan een ketenpartner"],
      ["Ontvangende organisatie", "Sociaal Wijkteam Haarlem"],
      ["Team", "Wijkteam Haarlem"],
    ]);
    expect(view.links).toEqual([{ key: "handover", href: `/overdrachten/${ID}`, label: "Naar de overdracht" }]);
    expect(view.decided).toBe(true);
  });

  it("links a postponed item to the next meeting", () => {
    const view = agendaItemViewOf({
      ...item,
      decision: "postpone",
      receivingOrganisation: null,
      targetTeam: null,
      handoverId: null,
      postponedTo: { id: ID, scheduledAt: new Date("2026-12-17T13:00:00Z") },
    });
    expect(view.rows.at(-1)).toEqual({
      key: "postponedTo",
      label: "Uitgesteld naar",
      value: "donderdag 17 december 2026, 14:00",
    });
    expect(view.links).toEqual([
      { key: "next", href: `/overdrachtstafels/${ID}`, label: "Naar de volgende overdrachtstafel" },
    ]);
  });
});

describe("minutesRowOf", () => {
  const row: TableMinutes["items"][number] = {
    position: 2,
    caseReference: "VT-2026-0102",
    municipality: { code: "GM0392", name: "Haarlem" },
    decision: "handover",
    receivingOrganisation: { id: ID, name: "Sociaal Wijkteam Haarlem" },
    targetTeam: "Wijkteam Haarlem",
    firstContactDueOn: "2026-12-17",
    postponedTo: null,
  };

  it("lists the decision, the receiving team and the first-contact deadline", () => {
    expect(minutesRowOf(row)).toEqual({
      position: 2,
      reference: "VT-2026-0102",
      municipality: "Haarlem",
      decision: "Overdracht aan een ketenpartner",
      receiving: "Sociaal Wijkteam Haarlem, Wijkteam Haarlem",
      deadline: "Eerste contact uiterlijk 17 december 2026",
    });
  });

  it("gives a postponed case the date of its next meeting and an undecided one no deadline", () => {
    const postponed = { ...row, decision: "postpone" as const, receivingOrganisation: null, targetTeam: null };
    expect(
      minutesRowOf({ ...postponed, firstContactDueOn: null, postponedTo: new Date("2026-12-17T13:00:00Z") }),
    ).toMatchObject({ receiving: "—", deadline: "Op de tafel van 17 december 2026" });
    expect(minutesRowOf({ ...postponed, decision: null, firstContactDueOn: null })).toMatchObject({
      decision: "Nog geen besluit",
      deadline: "—",
    });
  });
});
