import { describe, expect, it } from "vitest";
import type { HandoverSummary } from "./api-types";
import { handoverRowOf } from "./handover-view";

const summary: HandoverSummary = {
  id: "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
  status: "offered",
  version: 3,
  caseId: "1f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
  caseReference: "VT-2026-0042",
  priority: "high",
  municipality: { code: "GM0392", name: "Haarlem" },
  region: { id: "2f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Haarlem e.o." },
  organisation: { id: "3f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Veilig Thuis Kennemerland" },
  targetOrganisation: {
    id: "4f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
    name: "Sociaal Wijkteam Haarlem",
    kind: "local_team",
  },
  targetTeam: { id: "5f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f", name: "Wijkteam Haarlem" },
  offeredAt: new Date("2026-11-25T13:03:00Z"),
  acceptanceDueOn: "2026-11-30",
  firstContactDueOn: null,
  currentDeadline: { kind: "acceptance", dueOn: "2026-11-30", workingDaysLeft: 3 },
  overdue: false,
  updatedAt: new Date("2026-11-25T13:03:00Z"),
};

describe("handoverRowOf", () => {
  it("puts the list columns in Dutch", () => {
    expect(handoverRowOf(summary)).toEqual({
      id: summary.id,
      reference: "VT-2026-0042",
      status: "offered",
      municipality: "Haarlem",
      priority: "Hoog",
      targetTeam: "Wijkteam Haarlem (Sociaal Wijkteam Haarlem)",
      offeredBy: "Veilig Thuis Kennemerland",
      deadline: "Reactie uiterlijk 30 november 2026 (nog 3 werkdagen)",
      overdue: false,
    });
  });

  it("has no deadline when none applies", () => {
    expect(handoverRowOf({ ...summary, status: "draft", currentDeadline: null }).deadline).toBeNull();
  });
});
