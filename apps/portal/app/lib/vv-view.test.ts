import { describe, expect, it } from "vitest";
import type { VvDetail, VvSummary } from "./api-types";
import { vvDetailViewOf, vvRowOf } from "./vv-view";

const ID = "7f0c1a52-0000-4000-8000-000000000001";
const CONDITION = "7f0c1a52-0000-4000-8000-000000000002";

const summary: VvSummary = {
  id: ID,
  status: "open",
  version: 4,
  caseId: ID,
  caseReference: "VT-2026-0106",
  priority: "high",
  municipality: { code: "GM0394", name: "Haarlemmermeer" },
  vtWorker: { id: ID, name: "Mira de Vries" },
  partnerOrganisation: { id: ID, name: "CJG Haarlemmermeer" },
  partnerWorker: { id: ID, name: "Charlotte Smit" },
  openedAt: new Date("2026-11-20T09:00:00Z"),
  closedAt: null,
  openConditionCount: 2,
  overdueConditionCount: 1,
  overdueMonitoringCount: 1,
  nextMonitoringOn: "2026-11-27",
};

describe("vvRowOf", () => {
  it("marks a trajectory with an overdue moment in words", () => {
    expect(vvRowOf(summary)).toMatchObject({
      href: `/voorwaarden-en-vervolg/${ID}`,
      linkLabel: "V&V-traject VT-2026-0106",
      status: "Lopend",
      conditions: "2 (1 verlopen)",
      monitoring: "Monitoringsmoment verlopen",
      workers: "Mira de Vries, Charlotte Smit",
      overdue: true,
    });
    expect(vvRowOf({ ...summary, overdueMonitoringCount: 0, overdueConditionCount: 0 })).toMatchObject({
      monitoring: "27 november 2026",
      overdue: false,
    });
  });
});

describe("vvDetailViewOf", () => {
  const detail: VvDetail = {
    ...summary,
    side: "partner",
    case: { id: ID, reference: "VT-2026-0106", conclusion: null, safetyAssessmentCompletedAt: null, persons: [] },
    tableItemId: null,
    outcomeCode: null,
    outcomeText: null,
    followUp: null,
    allowedActions: ["updateCondition"],
    conditions: [
      {
        id: CONDITION,
        version: 2,
        text: "CJG plant een huisbezoek",
        owner: "partner",
        dueOn: "2026-11-25",
        status: "met",
        overdue: false,
        history: [
          {
            id: 1,
            at: new Date("2026-11-20T09:00:00Z"),
            fromStatus: null,
            toStatus: "open",
            fromDueOn: null,
            toDueOn: "2026-11-25",
            note: null,
            author: { name: "Mira de Vries", organisation: "Veilig Thuis Kennemerland" },
            monitoringMomentId: null,
          },
          {
            id: 2,
            at: new Date("2026-11-22T13:30:00Z"),
            fromStatus: "open",
            toStatus: "met",
            fromDueOn: "2026-11-25",
            toDueOn: "2026-11-25",
            note: "Huisbezoek gedaan",
            author: { name: "Charlotte Smit", organisation: "CJG Haarlemmermeer" },
            monitoringMomentId: null,
          },
        ],
      },
    ],
    monitoringMoments: [
      {
        id: ID,
        version: 1,
        scheduledOn: "2026-11-27",
        state: "recorded",
        attendees: [{ id: ID, name: "Mira de Vries" }],
        recordedAt: new Date("2026-11-27T10:00:00Z"),
        outcome: "Afspraken nagekomen",
        assessments: [{ conditionId: CONDITION, status: "met", note: null }],
      },
    ],
    timeline: [
      {
        id: 1,
        at: new Date("2026-11-20T09:00:00Z"),
        kind: "opened",
        text: "Traject geopend.",
        author: { name: "Mira de Vries", organisation: "Veilig Thuis Kennemerland" },
        conditionId: null,
        monitoringMomentId: null,
      },
    ],
  };

  it("shows each condition's history with author, organisation and from → to", () => {
    const view = vvDetailViewOf(detail);
    expect(view.conditions[0]?.history).toEqual([
      {
        id: 1,
        at: "20 november 2026 om 10:00",
        author: "Mira de Vries (Veilig Thuis Kennemerland)",
        change: "Open (afgesproken)",
        note: "—",
      },
      {
        id: 2,
        at: "22 november 2026 om 14:30",
        author: "Charlotte Smit (CJG Haarlemmermeer)",
        change: "Open → Nagekomen",
        note: "Huisbezoek gedaan",
      },
    ]);
  });

  it("names the assessed conditions of a moment by their number, and the timeline's author with organisation", () => {
    const view = vvDetailViewOf(detail);
    expect(view.moments[0]).toMatchObject({ state: "Vastgelegd", assessments: ["Voorwaarde 1: Nagekomen"] });
    expect(view.timeline[0]?.by).toBe("Mira de Vries (Veilig Thuis Kennemerland), 20 november 2026 om 10:00");
  });
});
