import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import { noticeAfter, noticeOf, withNotice } from "./notices";

const request = (path: string) => new Request(`http://localhost${path}`);

describe("notices", () => {
  it("gives every change a notice of its own", () => {
    const keys = Object.values(noticeAfter);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(nl.notices[key].length).toBeGreaterThan(0);
  });

  it("builds the address and reads it back", () => {
    const path = withNotice("/overdrachten/0b6c", noticeAfter.offer);
    expect(path).toBe("/overdrachten/0b6c?gelukt=aangeboden");
    expect(noticeOf(request(path))).toBe("De overdracht is aangeboden aan het ontvangende team.");
    expect(noticeOf(request(withNotice("/x", noticeAfter.start)))).toBe(
      "Het eerste contact met het huishouden is vastgelegd.",
    );
  });

  it("adds the notice to a query string the path already has, before its fragment", () => {
    expect(withNotice("/beheer/teams?organisatie=abc", noticeAfter.update)).toBe(
      "/beheer/teams?organisatie=abc&gelukt=bewerkt",
    );
    expect(withNotice("/beheer/mensen?organisatie=abc&gelukt=opgeslagen#lijst", noticeAfter.update)).toBe(
      "/beheer/mensen?organisatie=abc&gelukt=bewerkt#lijst",
    );
    expect(withNotice("/x#lijst", noticeAfter.update)).toBe("/x?gelukt=bewerkt#lijst");
  });

  it("ignores unknown values, so the page never repeats text from the address", () => {
    expect(noticeOf(request("/x?gelukt=%3Cscript%3E"))).toBeNull();
    expect(noticeOf(request("/x?gelukt=toString"))).toBeNull();
    expect(noticeOf(request("/x"))).toBeNull();
  });
});
