import { describe, expect, it } from "vitest";
import { vvDeadlineStage } from "./reminders";

describe("V&V deadline stages", () => {
  it("reminds from one working day before and marks overdue once the day has passed", () => {
    // Friday 4 December 2026: the next working day is Monday 7 December.
    const today = "2026-12-04";
    expect(vvDeadlineStage({ date: "2026-12-08", today })).toBeNull();
    expect(vvDeadlineStage({ date: "2026-12-07", today })).toBe("due");
    expect(vvDeadlineStage({ date: "2026-12-04", today })).toBe("due");
    expect(vvDeadlineStage({ date: "2026-12-03", today })).toBe("overdue");
  });
});
