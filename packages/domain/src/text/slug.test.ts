import { describe, expect, it } from "vitest";
import { findFreeSlug } from "./slug";

describe("findFreeSlug", () => {
  it("makes a readable slug without accents or punctuation", () => {
    expect(findFreeSlug({ name: "  Wijkteam Velsen – Zuid ", fallback: "x", taken: new Set() })).toBe(
      "wijkteam-velsen-zuid",
    );
    expect(findFreeSlug({ name: "Café Één", fallback: "x", taken: new Set() })).toBe("cafe-een");
  });

  it("numbers a taken slug on, and falls back when nothing readable is left", () => {
    const taken = new Set(["ijmond", "ijmond-2"]);
    expect(findFreeSlug({ name: "IJmond", fallback: "regio", taken })).toBe("ijmond-3");
    expect(findFreeSlug({ name: "!!!", fallback: "regio", taken: new Set() })).toBe("regio");
  });
});
