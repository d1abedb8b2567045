import { describe, expect, it } from "vitest";
import { protectCountGroup, showCount, showMedian, showShare } from "./small-counts";

describe("small-count protection", () => {
  it("shows one to four as <5, and zero and five as they are", () => {
    expect([0, 1, 4, 5, 12].map((count) => showCount({ count }))).toEqual([0, "<5", "<5", 5, 12]);
  });

  it("hides the smallest other cell when exactly one cell of a group is small, so the total does not give it away", () => {
    const group = protectCountGroup({
      cells: new Map([
        ["GM0392", 20],
        ["GM0453", 3],
        ["GM0375", 8],
      ]),
      total: 31,
    });
    expect([...group.cells]).toEqual([
      ["GM0392", 20],
      ["GM0453", "<5"],
      ["GM0375", "x"],
    ]);
    expect(group.total).toBe(31);
  });

  it("hides nothing more when two cells are small: their sum no longer tells either", () => {
    const group = protectCountGroup({
      cells: new Map([
        ["a", 2],
        ["b", 3],
        ["c", 9],
      ]),
      total: 14,
    });
    expect([...group.cells.values()]).toEqual(["<5", "<5", 9]);
  });

  it("may hide a zero as the second cell (then the small one is not known either)", () => {
    const group = protectCountGroup({
      cells: new Map([
        ["a", 0],
        ["b", 3],
        ["c", 9],
      ]),
      total: 12,
    });
    expect([...group.cells.values()]).toEqual(["x", "<5", 9]);
  });

  it("shows a small total as <5 and then needs no second cell", () => {
    const group = protectCountGroup({ cells: new Map([["only", 3]]), total: 3 });
    expect([...group.cells.values()]).toEqual(["<5"]);
    expect(group.total).toBe("<5");
  });

  it("gives a share and a median only over five or more", () => {
    expect(showShare({ part: 4, whole: 4 })).toBeNull();
    expect(showShare({ part: 9, whole: 11 })).toBe(81.8);
    expect(showMedian({ values: [1, 2, 3, 4] })).toBeNull();
    expect(showMedian({ values: [5, 1, 3, 2, 4] })).toBe(3);
    expect(showMedian({ values: [1, 2, 3, 4, 5, 6] })).toBe(3.5);
  });
});
