import { describe, expect, it } from "vitest";
import {
  ACUTE_NEVER_WAITS,
  compareWaitingListItems,
  contactFrequencyFor,
  contactStatus,
  DEFAULT_CONTACT_FREQUENCIES,
  nextContactDueOn,
  reassessmentDueOn,
  summariseWaitingList,
  waitingListEntryRefusal,
  waitingWorkingDays,
} from "./waiting-list";

// 10:00 in Amsterdam on the given date (winter time).
const at = (date: string) => new Date(`${date}T09:00:00Z`);

describe("waitingListEntryRefusal", () => {
  it("never lets an acute or spoed case wait, whatever else holds", () => {
    expect(waitingListEntryRefusal({ priority: "acute", assessmentCompleted: true, alreadyWaiting: false })).toBe(
      ACUTE_NEVER_WAITS,
    );
    expect(ACUTE_NEVER_WAITS).toMatch(/acute zaak of spoedzaak/);
  });

  it("wants the assessment done first and one entry at a time", () => {
    expect(waitingListEntryRefusal({ priority: "high", assessmentCompleted: false, alreadyWaiting: false })).toMatch(
      /veiligheidsbeoordeling/,
    );
    expect(waitingListEntryRefusal({ priority: "low", assessmentCompleted: true, alreadyWaiting: true })).toMatch(
      /al op de wachtlijst/,
    );
    expect(
      waitingListEntryRefusal({ priority: "normal", assessmentCompleted: true, alreadyWaiting: false }),
    ).toBeNull();
  });
});

describe("contactFrequencyFor", () => {
  it("takes the region's setting per priority, else the default (5, 10, 20 working days)", () => {
    expect(DEFAULT_CONTACT_FREQUENCIES).toEqual({ high: 5, normal: 10, low: 20 });
    expect(contactFrequencyFor({ priority: "high" })).toBe(5);
    expect(contactFrequencyFor({ priority: "normal", frequencies: { high: 3 } })).toBe(10);
    expect(contactFrequencyFor({ priority: "high", frequencies: { high: 3 } })).toBe(3);
    expect(contactFrequencyFor({ priority: "low", frequencies: { low: 15 } })).toBe(15);
  });
});

describe("nextContactDueOn", () => {
  it("counts working days from entry or the last contact, skipping Christmas and the weekend", () => {
    // Monday 21 December 2026 + 5 working days: Tue 22, Wed 23, Thu 24, Mon 28, Tue 29 (25 and 26 are holidays).
    expect(nextContactDueOn({ from: "2026-12-21", workingDays: 5 })).toBe("2026-12-29");
    // Over New Year's Day (Friday 1 January 2027): Thu 31 December + 1 is Monday 4 January.
    expect(nextContactDueOn({ from: "2026-12-31", workingDays: 1 })).toBe("2027-01-04");
    // A letter on a Saturday: the count starts on Monday.
    expect(nextContactDueOn({ from: "2026-11-28", workingDays: 10 })).toBe("2026-12-11");
  });
});

describe("contactStatus", () => {
  it("is on time up to and including the due date, overdue from the day after", () => {
    expect(contactStatus({ nextContactDueOn: "2026-12-29", now: at("2026-12-21") })).toEqual({
      workingDaysLeft: 5,
      overdue: false,
    });
    expect(contactStatus({ nextContactDueOn: "2026-12-29", now: at("2026-12-29") })).toEqual({
      workingDaysLeft: 0,
      overdue: false,
    });
    expect(contactStatus({ nextContactDueOn: "2026-12-29", now: at("2026-12-30") })).toEqual({
      workingDaysLeft: -1,
      overdue: true,
    });
    // Due Thursday 24 December: on Monday 28 December only one working day is missed (Christmas and the weekend
    // do not count).
    expect(contactStatus({ nextContactDueOn: "2026-12-24", now: at("2026-12-28") })).toEqual({
      workingDaysLeft: -1,
      overdue: true,
    });
  });

  it("uses the Amsterdam date: 23:30 UTC on the due date is already the next day there", () => {
    expect(contactStatus({ nextContactDueOn: "2026-12-29", now: new Date("2026-12-29T23:30:00Z") }).overdue).toBe(true);
  });
});

describe("waitingWorkingDays", () => {
  it("counts working days since entry, not the day of entry, not the holidays", () => {
    expect(waitingWorkingDays({ enteredOn: "2026-12-21", now: at("2026-12-21") })).toBe(0);
    expect(waitingWorkingDays({ enteredOn: "2026-12-21", now: at("2026-12-28") })).toBe(4);
  });
});

describe("reassessmentDueOn", () => {
  it("is 5 working days after the signal came in", () => {
    expect(reassessmentDueOn({ receivedOn: "2026-12-21" })).toBe("2026-12-29");
  });
});

describe("compareWaitingListItems", () => {
  it("puts overdue contacts first, then higher priority, then the nearest contact, then the longest wait", () => {
    const items = [
      { id: "low-soon", overdue: false, workingDaysLeft: 1, priority: "low" as const, enteredOn: "2026-10-01" },
      { id: "high-later", overdue: false, workingDaysLeft: 4, priority: "high" as const, enteredOn: "2026-12-01" },
      { id: "low-overdue", overdue: true, workingDaysLeft: -1, priority: "low" as const, enteredOn: "2026-11-01" },
      {
        id: "normal-overdue",
        overdue: true,
        workingDaysLeft: -3,
        priority: "normal" as const,
        enteredOn: "2026-11-02",
      },
      { id: "high-old", overdue: false, workingDaysLeft: 4, priority: "high" as const, enteredOn: "2026-11-01" },
    ];
    expect(items.sort(compareWaitingListItems).map((i) => i.id)).toEqual([
      "normal-overdue",
      "low-overdue",
      "high-old",
      "high-later",
      "low-soon",
    ]);
  });
});

describe("summariseWaitingList", () => {
  it("counts per priority with the oldest wait in working days", () => {
    const summary = summariseWaitingList({
      entries: [
        { priority: "high", enteredOn: "2026-12-14" },
        { priority: "high", enteredOn: "2026-12-21" },
        { priority: "low", enteredOn: "2026-12-01" },
      ],
      now: at("2026-12-28"),
    });
    expect(summary).toEqual({
      high: { count: 2, oldestWorkingDays: 9 },
      normal: { count: 0, oldestWorkingDays: null },
      low: { count: 1, oldestWorkingDays: 18 },
    });
  });
});
