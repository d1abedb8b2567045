import { describe, expect, it } from "vitest";
import { ZHandoverEventPayload } from "./payloads";

const payload = {
  handoverId: "3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  caseId: "4f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  status: "offered",
  version: 2,
  organisationId: "5f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  targetOrganisationId: "6f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  targetTeamId: "7f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  municipalityCode: "GM0392",
  regionId: "8f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  acceptanceDueOn: "2026-12-03",
  firstContactDueOn: null,
  occurredAt: "2026-11-30T09:00:00.000Z",
};

describe("handover event payload", () => {
  it("accepts identifiers, status and deadlines", () => {
    expect(ZHandoverEventPayload.parse(payload)).toEqual(payload);
  });

  it.each(["name", "birthYear", "concerns", "bsn"])("refuses a %s field", (field) => {
    expect(ZHandoverEventPayload.safeParse({ ...payload, [field]: "x" }).success).toBe(false);
  });
});
