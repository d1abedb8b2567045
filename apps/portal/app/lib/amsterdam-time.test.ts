import { describe, expect, it } from "vitest";
import { amsterdamInstant, isLocalTime } from "./amsterdam-time";

describe("amsterdamInstant", () => {
  it("reads a winter time as UTC+1 and a summer time as UTC+2", () => {
    expect(amsterdamInstant("2026-12-03", "14:00")?.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(amsterdamInstant("2026-07-01", "09:30")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
  });

  it("keeps the wall-clock time on the day summer time starts", () => {
    expect(amsterdamInstant("2026-03-29", "14:00")?.toISOString()).toBe("2026-03-29T12:00:00.000Z");
  });

  it("refuses dates and times that are not real", () => {
    expect(amsterdamInstant("2026-02-30", "14:00")).toBeNull();
    expect(amsterdamInstant("2026-12-03", "24:00")).toBeNull();
    expect(amsterdamInstant("", "")).toBeNull();
    expect(isLocalTime("9:00")).toBe(false);
  });
});
