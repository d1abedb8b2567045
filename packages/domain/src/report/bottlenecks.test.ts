import { describe, expect, it } from "vitest";
import { checkBottleneckText } from "./bottlenecks";

describe("a knelpunt's text", () => {
  it("is trimmed, and must say something within 2000 characters", () => {
    expect(checkBottleneckText({ text: "  Wachtlijst IJmond loopt op door ziekte.  " })).toEqual({
      ok: true,
      text: "Wachtlijst IJmond loopt op door ziekte.",
    });
    expect(checkBottleneckText({ text: "   " })).toMatchObject({ ok: false, message: "Beschrijf het knelpunt." });
    expect(checkBottleneckText({ text: "a".repeat(2001) }).ok).toBe(false);
  });

  it("refuses a valid BSN, written any usual way, but not other numbers", () => {
    for (const text of [
      "BSN 111222333 wacht",
      "zie 1112.22.333",
      "zie 1112 22 333",
      "zie BSN 111222333.",
      "(111222333)",
    ]) {
      expect(checkBottleneckText({ text }), text).toMatchObject({ ok: false });
    }
    // Nine digits that fail the elfproef, a phone number, a longer number, dates: all fine.
    for (const text of ["123456789 meldingen", "bel 0800-2000", "1112223334", "sinds 2026-11-09"]) {
      expect(checkBottleneckText({ text }).ok, text).toBe(true);
    }
  });

  it("refuses an e-mail address", () => {
    expect(checkBottleneckText({ text: "Mail naar j.jansen@example.nl" })).toMatchObject({ ok: false });
  });
});
