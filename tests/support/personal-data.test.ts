import { describe, expect, it } from "vitest";
import { createPersonalDataScanner } from "./personal-data";

const scanner = createPersonalDataScanner({
  persons: [
    { name: "Sem de Wit", birthYear: 2015 },
    { name: "Kees Jansen", birthYear: 1979 },
    { name: "Zoë van 't Hof-Bakker", birthYear: 2026 },
  ],
  publicWords: ["Hanna Jansen", "Wijkteam Haarlem"],
  knownIdentifiers: ["VT-2026-0102"],
});
const kinds = (text: string) =>
  scanner
    .scan(text, "test")
    .map((f) => `${f.kind}:${f.value}`)
    .sort();

describe("the personal data scanner", () => {
  it("finds full names, name parts and birth years as whole words, in any case and in HTML", () => {
    expect(kinds('{"name":"Sem de Wit","birthYear":2015}')).toEqual([
      "birth year:2015",
      "name part:Sem",
      "name part:Wit",
      "name:Sem de Wit",
    ]);
    expect(kinds("Gesproken met mevrouw HOF (geboren 1979).")).toEqual(["birth year:1979", "name part:Hof"]);
    expect(kinds("<p>Zo&#235; en kees&nbsp;jansen</p>")).toEqual([
      "name part:Kees",
      "name part:Zoë",
      "name:Kees Jansen",
    ]);
    expect(kinds("Bakker")).toEqual(["name part:Bakker"]);
  });

  it("does not take words, identifiers, UUIDs and dates for names or birth years", () => {
    expect(scanner.nameParts).not.toContain("Jansen"); // also a professional's name
    expect(scanner.nameParts).not.toContain("de");
    expect(
      kinds(
        "Wijkteam Haarlem, Hanna Jansen, witte semafoor, 12345678-2015-4abc-8def-1979abcdef00, 2015-03-01, " +
          "2026-12-03T09:00:00.000Z, uiterlijk donderdag 3 december 2026, VT-2026-0102, GM2015, 20150, v2015",
      ),
    ).toEqual([]);
    expect(kinds("in 2026 geboren")).toEqual(["birth year:2026"]);
  });
});
