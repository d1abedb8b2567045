import { describe, expect, it } from "vitest";
import { notificationHref } from "./notification-view";

const ID = "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";

describe("notificationHref", () => {
  it("leads to the handover, else to the V&V trajectory, else nowhere", () => {
    expect(notificationHref({ handoverId: ID, vvTrajectoryId: null })).toBe(`/overdrachten/${ID}`);
    expect(notificationHref({ handoverId: null, vvTrajectoryId: ID })).toBe(`/voorwaarden-en-vervolg/${ID}`);
    expect(notificationHref({ handoverId: null })).toBeNull();
  });

  it("leads a change signal's notice to the melding whose triage it re-opened", () => {
    expect(notificationHref({ handoverId: null, vvTrajectoryId: null, triageCaseId: ID })).toBe(`/triage/${ID}`);
  });
});
