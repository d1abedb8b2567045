import { describe, expect, it } from "vitest";
import { describeSendError, nextAttemptDelayMs } from "./deliver-mail";

describe("nextAttemptDelayMs", () => {
  it("doubles from 30 s and stops at an hour", () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 8, 20].map((attempts) => nextAttemptDelayMs(attempts, none))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
  });

  it("adds at most 20% jitter", () => {
    expect(nextAttemptDelayMs(1, () => 0.999)).toBeLessThanOrEqual(36_000);
    expect(nextAttemptDelayMs(20, () => 0.999)).toBeLessThanOrEqual(4_320_000);
  });
});

describe("describeSendError", () => {
  it("keeps codes only, never the server's words (they quote the address)", () => {
    const refused = Object.assign(new Error("550 5.1.1 <piet@partner.example>: unknown"), {
      code: "EENVELOPE",
      responseCode: 550,
    });
    expect(describeSendError(refused)).toEqual({ reason: "EENVELOPE 550", outage: false });
    expect(describeSendError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toEqual({
      reason: "ESOCKET",
      outage: true,
    });
    expect(describeSendError(Object.assign(new Error("x"), { code: "piet@partner.example" }))).toEqual({
      reason: "ESEND",
      outage: true,
    });
    expect(describeSendError("boom")).toEqual({ reason: "ESEND", outage: true });
  });
});
