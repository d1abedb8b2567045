import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import type { CaseworkOrganisation } from "./api-types";
import { parseVvAction, parseVvForm, vvActionFieldOf, vvDetailChoicesOf, vvFieldId, vvFormChoicesOf } from "./vv-forms";

const d = nl.vvDetail;
const CASE = "7f0c1a52-0000-4000-8000-000000000001";
const VT_WORKER = "7f0c1a52-0000-4000-8000-000000000002";
const SWT = "7f0c1a52-0000-4000-8000-000000000003";
const SWT_WORKER = "7f0c1a52-0000-4000-8000-000000000004";
const CONDITION = "7f0c1a52-0000-4000-8000-000000000005";
const OTHER_CONDITION = "7f0c1a52-0000-4000-8000-000000000006";
const MOMENT = "7f0c1a52-0000-4000-8000-000000000007";
const VT = "7f0c1a52-0000-4000-8000-000000000008";
const CJG = "7f0c1a52-0000-4000-8000-000000000009";
const CJG_WORKER = "7f0c1a52-0000-4000-8000-00000000000a";

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
  }
  return data;
}

const organisations: CaseworkOrganisation[] = [
  {
    id: VT,
    name: "Veilig Thuis Kennemerland",
    kind: "vt",
    teams: [],
    people: [{ id: VT_WORKER, name: "Mira de Vries", teamId: null, role: "vt_worker" }],
  },
  {
    id: SWT,
    name: "Sociaal Wijkteam Haarlem",
    kind: "local_team",
    teams: [],
    people: [{ id: SWT_WORKER, name: "Sanne Visser", teamId: null, role: "partner_worker" }],
  },
  {
    id: CJG,
    name: "CJG Haarlemmermeer",
    kind: "cjg",
    teams: [],
    people: [{ id: CJG_WORKER, name: "Charlotte Smit", teamId: null, role: "partner_worker" }],
  },
];

describe("opening a trajectory", () => {
  const choices = vvFormChoicesOf({ organisations, cases: [], vtOrganisationId: VT });

  it("takes a case, a VT worker, a partner and that partner's worker", () => {
    const values = {
      caseId: CASE,
      vtWorkerUserId: VT_WORKER,
      partnerOrganisationId: SWT,
      partnerWorkerUserId: SWT_WORKER,
    };
    expect(parseVvForm(values, choices)).toEqual({ ok: true, input: values });
  });

  it("never opens one for VT alone, nor with a worker of another partner", () => {
    expect(
      parseVvForm(
        { caseId: CASE, vtWorkerUserId: VT_WORKER, partnerOrganisationId: "", partnerWorkerUserId: "" },
        choices,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {
        partnerOrganisationId: nl.vvForm.partnerOrganisationRequired,
        partnerWorkerUserId: nl.vvForm.partnerWorkerRequired,
      },
    });
    expect(
      parseVvForm(
        { caseId: CASE, vtWorkerUserId: VT_WORKER, partnerOrganisationId: SWT, partnerWorkerUserId: CJG_WORKER },
        choices,
      ),
    ).toEqual({ ok: false, fieldErrors: { partnerWorkerUserId: nl.vvForm.partnerWorkerMismatch } });
  });

  it("offers VT's own people and the partners' people grouped per partner", () => {
    expect(choices.vtPeople).toEqual([{ value: VT_WORKER, label: "Mira de Vries" }]);
    expect(choices.partnerPeople.map((group) => group.label)).toEqual([
      "Sociaal Wijkteam Haarlem",
      "CJG Haarlemmermeer",
    ]);
  });
});

describe("the trajectory page's forms", () => {
  it("changes a condition's status with a mandatory note", () => {
    expect(
      parseVvAction(
        form({ intent: "updateCondition", conditionId: CONDITION, version: "2", status: "met", note: " Gelukt " }),
      ),
    ).toEqual({
      ok: true,
      command: { intent: "updateCondition", id: CONDITION, version: 2, status: "met", note: "Gelukt" },
    });
    expect(
      parseVvAction(form({ intent: "updateCondition", conditionId: CONDITION, version: "2", status: "", note: "" })),
    ).toEqual({
      ok: false,
      intent: "updateCondition",
      targetId: CONDITION,
      fieldErrors: { status: d.update.nothingChanged, note: d.update.noteRequired },
      formErrors: [],
    });
  });

  it("moves only the due date when the status is kept", () => {
    expect(
      parseVvAction(
        form({
          intent: "updateCondition",
          conditionId: CONDITION,
          version: "1",
          status: "",
          dueOn: "2026-12-20",
          note: "Later",
        }),
      ),
    ).toEqual({
      ok: true,
      command: { intent: "updateCondition", id: CONDITION, version: 1, dueOn: "2026-12-20", note: "Later" },
    });
  });

  it("adds a condition with its owner and due date", () => {
    expect(
      parseVvAction(
        form({ intent: "addCondition", text: "Geen ruzie", owner: "household", dueOn: "2026-12-20", note: "" }),
      ),
    ).toEqual({
      ok: true,
      command: { intent: "addCondition", text: "Geen ruzie", owner: "household", dueOn: "2026-12-20" },
    });
    expect(parseVvAction(form({ intent: "addCondition", dueOn: "2026-02-30" }))).toMatchObject({
      ok: false,
      fieldErrors: { text: d.add.textRequired, owner: d.add.ownerRequired, dueOn: d.add.dueInvalid },
    });
  });

  it("schedules a moment with its attendees", () => {
    expect(
      parseVvAction(
        form({ intent: "scheduleMonitoring", scheduledOn: "2026-12-20", attendeeUserIds: [VT_WORKER, SWT_WORKER] }),
      ),
    ).toEqual({
      ok: true,
      command: { intent: "scheduleMonitoring", scheduledOn: "2026-12-20", attendeeUserIds: [VT_WORKER, SWT_WORKER] },
    });
  });

  it("records a moment with only the conditions that were assessed", () => {
    expect(
      parseVvAction(
        form({
          intent: "recordMonitoring",
          momentId: MOMENT,
          version: "1",
          outcome: "Goed gesprek",
          conditionIds: [CONDITION, OTHER_CONDITION],
          [`assessment-${CONDITION}`]: "met",
          [`assessment-${OTHER_CONDITION}`]: "",
        }),
      ),
    ).toEqual({
      ok: true,
      command: {
        intent: "recordMonitoring",
        id: MOMENT,
        version: 1,
        outcome: "Goed gesprek",
        assessments: [{ conditionId: CONDITION, status: "met" }],
      },
    });
  });

  it("closes only with an outcome and a follow-up owner", () => {
    expect(parseVvAction(form({ intent: "close", version: "5" }))).toMatchObject({
      ok: false,
      fieldErrors: {
        outcomeCode: d.close.outcomeRequired,
        followUpOrganisationId: d.close.followUpOrganisationRequired,
        followUpUserId: d.close.followUpUserRequired,
      },
    });
    expect(
      parseVvAction(
        form({
          intent: "close",
          version: "5",
          outcomeCode: "continued_by_partner",
          followUpOrganisationId: SWT,
          followUpUserId: SWT_WORKER,
        }),
      ),
    ).toEqual({
      ok: true,
      command: {
        intent: "close",
        version: 5,
        outcomeCode: "continued_by_partner",
        followUpOrganisationId: SWT,
        followUpUserId: SWT_WORKER,
      },
    });
  });

  it("refuses forms without their hidden fields", () => {
    expect(parseVvAction(form({ intent: "recordMonitoring", outcome: "x" }))).toMatchObject({
      ok: false,
      formErrors: [nl.forms.checkFields],
    });
  });

  it("gives repeated forms their own field ids and maps API paths to fields", () => {
    expect(vvFieldId("updateCondition", "note", CONDITION)).toBe(`updateCondition-${CONDITION}-note`);
    expect(vvFieldId("addCondition", "note")).toBe("addCondition-note");
    expect(vvActionFieldOf("scheduleMonitoring", "attendeeUserIds.0")).toBe("attendeeUserIds");
    expect(vvActionFieldOf("close", "followUpUserId")).toBe("followUpUserId");
    expect(vvActionFieldOf("close", "id")).toBeNull();
  });

  it("offers the two organisations' people as attendees", () => {
    const choices = vvDetailChoicesOf(organisations, {
      vtWorker: { id: VT_WORKER, name: "Mira de Vries" },
      partnerOrganisation: { id: SWT, name: "Sociaal Wijkteam Haarlem" },
    });
    expect(choices.attendees).toEqual([
      { value: VT_WORKER, label: "Mira de Vries (Veilig Thuis Kennemerland)" },
      { value: SWT_WORKER, label: "Sanne Visser (Sociaal Wijkteam Haarlem)" },
    ]);
    expect(choices.followUpOrganisations).toHaveLength(3);
  });
});
