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

describe("the personal data scanner and BSNs", () => {
  const withBsn = createPersonalDataScanner({
    persons: [{ name: "Noor Bakker", birthYear: 2017, bsn: "999990111" }],
    anyBsn: true,
  });
  const found = (text: string) =>
    withBsn
      .scan(text, "test")
      .filter((f) => f.kind === "bsn" || f.kind === "any bsn")
      .map((f) => `${f.kind}:${f.value}`)
      .sort();

  it("finds a person's BSN however it is written, in text and in URLs", () => {
    for (const text of [
      "999990111",
      "bsn=9999.90.111",
      "/casus?bsn=9999%2090%20111",
      "9999%2E90%2E111",
      "999-990-111",
      "bsn999990111x",
    ]) {
      expect(found(text), text).toEqual(["any bsn:999990111", "bsn:999990111"]);
    }
  });

  it("with anyBsn, finds anyone's number that passes the elfproef, and leaves other digits alone", () => {
    expect(found("/zoek?q=123456782")).toEqual(["any bsn:123456782"]);
    expect(
      found(
        "123456789 0999990111 9999901110 2026-11-25T10:00:00.000Z 12345678-9999-4901-8110-999990111000 " +
          "1795671461138 ****.**.111",
      ),
    ).toEqual([]);
    // Digits inside a hexadecimal token are an identifier (here a nodemailer MIME boundary), not a written number.
    expect(found('boundary="--_NmP-859918087a8b4c8-Part_1" <55490153a859918087ffee@ketenportaal>')).toEqual([]);
    expect(found("BSN:123456782, of 1234 56 782.")).toEqual(["any bsn:123456782"]);
  });

  it("finds names in URL escapes", () => {
    expect(
      withBsn
        .scan("/overdrachten?zoek=Noor%20Bakker", "test")
        .map((f) => f.kind)
        .sort(),
    ).toEqual(["name", "name part", "name part"]);
  });
});
