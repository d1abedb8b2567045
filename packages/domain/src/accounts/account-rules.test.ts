import { describe, expect, it } from "vitest";
import { ZEmailAddress, ZMunicipalityCode, ZNewPassword, ZOin } from "./account-rules";

describe("account rules", () => {
  it("normalises e-mail addresses to trimmed lower case", () => {
    expect(ZEmailAddress.parse("  Medewerker@VT-Kennemerland.example ")).toBe("medewerker@vt-kennemerland.example");
  });

  it.each(["", "geen-apenstaartje", "a@", `${"x".repeat(320)}@example.org`])(
    "refuses %j as an e-mail address",
    (value) => {
      expect(ZEmailAddress.safeParse(value).success).toBe(false);
    },
  );

  it("asks for at least twelve characters in a new password", () => {
    expect(ZNewPassword.safeParse("elf-tekens!").error?.issues[0]?.message).toBe(
      "Een wachtwoord heeft minstens 12 tekens.",
    );
    expect(ZNewPassword.safeParse("twaalf-tekens").success).toBe(true);
  });

  it("checks the shape of an OIN and a CBS gemeentecode", () => {
    expect(ZOin.safeParse("00000001234567890000").success).toBe(true);
    expect(ZOin.safeParse("1234").success).toBe(false);
    expect(ZMunicipalityCode.safeParse("GM0392").success).toBe(true);
    expect(ZMunicipalityCode.safeParse("0392").success).toBe(false);
  });
});
