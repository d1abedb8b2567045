import { describe, expect, it } from "vitest";
import { checkMonitoringRecord, checkMonitoringSchedule, isMonitoringOverdue, monitoringStateOf } from "./monitoring";

describe("monitoring moments", () => {
  it("is scheduled until its day has passed, then overdue until recorded", () => {
    expect(monitoringStateOf({ scheduledOn: "2026-12-02", recordedAt: null, today: "2026-12-01" })).toBe("scheduled");
    expect(monitoringStateOf({ scheduledOn: "2026-12-02", recordedAt: null, today: "2026-12-02" })).toBe("scheduled");
    expect(monitoringStateOf({ scheduledOn: "2026-12-02", recordedAt: null, today: "2026-12-03" })).toBe("overdue");
    expect(isMonitoringOverdue({ scheduledOn: "2026-12-02", recordedAt: null, today: "2026-12-03" })).toBe(true);
    const recordedAt = new Date("2026-12-04T10:00:00Z");
    expect(monitoringStateOf({ scheduledOn: "2026-12-02", recordedAt, today: "2026-12-09" })).toBe("recorded");
  });

  it("is planned today or later", () => {
    expect(checkMonitoringSchedule({ scheduledOn: "2026-12-01", today: "2026-12-01" })).toBeNull();
    expect(checkMonitoringSchedule({ scheduledOn: "2026-11-30", today: "2026-12-01" })).toMatch(/vandaag of later/);
  });

  it("is recorded once, on or after its day", () => {
    expect(checkMonitoringRecord({ scheduledOn: "2026-12-01", recordedAt: null, today: "2026-12-01" })).toBeNull();
    expect(checkMonitoringRecord({ scheduledOn: "2026-12-02", recordedAt: null, today: "2026-12-01" })).toMatch(
      /op of na de geplande datum/,
    );
    expect(checkMonitoringRecord({ scheduledOn: "2026-12-01", recordedAt: new Date(), today: "2026-12-03" })).toMatch(
      /al vastgelegd/,
    );
  });
});
