import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BSN_MESSAGES, checkBsn, compactBsn, isValidBsn, maskBsn, ZBsn } from "./bsn";

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** Our own elfproef, written from the definition, to check the library against. */
function elfproefSum(digits: string): number {
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * (WEIGHTS[i] ?? 0), 0);
}

/** Eight digits plus the check digit that makes the sum divisible by 11; null when that digit would be 10. */
function withCheckDigit(eight: number[]): string | null {
  const partial = eight.reduce((sum, digit, i) => sum + digit * (WEIGHTS[i] ?? 0), 0);
  const check = partial % 11;
  if (check === 10) return null;
  const bsn = `${eight.join("")}${check}`;
  return bsn === "000000000" ? null : bsn;
}

const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map(withCheckDigit)
  .filter((bsn): bsn is string => bsn !== null);

describe("checkBsn", () => {
  it.each(["111222333", "123456782", "249566758", "1234.56.782", "123 456 782", " 111-222-333 "])(
    "accepts %s",
    (input) => {
      expect(checkBsn(input)).toEqual({ ok: true, bsn: compactBsn(input) });
    },
  );

  it.each(["123456789", "111222334", "249566759", "000000000", "999999999"])("refuses %s by the elfproef", (input) => {
    expect(checkBsn(input)).toEqual({ ok: false, reason: "elfproef", message: BSN_MESSAGES.elfproef });
  });

  it.each(["", "12345678", "11122233", "1234567820", "12345678a", "１２３４５６７８２", "+23456782"])(
    "refuses %j as not nine digits (eight are not left-padded)",
    (input) => {
      expect(checkBsn(input)).toMatchObject({ ok: false, reason: "length", message: "Een BSN heeft 9 cijfers." });
    },
  );

  it("uses the Dutch message the form shows", () => {
    expect(BSN_MESSAGES.elfproef).toBe("Dit BSN is niet geldig (elfproef).");
  });

  it("accepts every generated number that passes the elfproef", () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(elfproefSum(bsn) % 11).toBe(0);
        expect(isValidBsn(bsn)).toBe(true);
      }),
    );
  });

  it("refuses any change of a single digit of a valid number", () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, at, shift) => {
        const digit = (Number(bsn[at]) + shift) % 10;
        const changed = `${bsn.slice(0, at)}${digit}${bsn.slice(at + 1)}`;
        expect(isValidBsn(changed)).toBe(false);
      }),
    );
  });

  it("refuses a swap of two different neighbouring digits", () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 7 }), (bsn, at) => {
        fc.pre(bsn[at] !== bsn[at + 1]);
        const swapped = `${bsn.slice(0, at)}${bsn[at + 1]}${bsn[at]}${bsn.slice(at + 2)}`;
        expect(isValidBsn(swapped)).toBe(false);
      }),
    );
  });

  it("agrees with the definition on any nine digits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
        expect(isValidBsn(digits)).toBe(digits !== "000000000" && elfproefSum(digits) % 11 === 0);
      }),
    );
  });
});

describe("maskBsn", () => {
  it("shows only the last three digits in the written grouping", () => {
    expect(maskBsn("123456782")).toBe("****.**.782");
    expect(maskBsn("1234.56.782")).toBe("****.**.782");
    expect(maskBsn("782")).toBe("****.**.782");
  });

  it("never contains more than three digits of the number", () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(maskBsn(bsn).replace(/\D/g, "")).toBe(bsn.slice(-3));
      }),
    );
  });
});

describe("ZBsn", () => {
  it("stores the compact number and gives the Dutch message", () => {
    expect(ZBsn.parse("1234.56.782")).toBe("123456782");
    const result = ZBsn.safeParse("123456789");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Dit BSN is niet geldig (elfproef).");
  });
});
