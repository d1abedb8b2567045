import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import { parseLoginForm } from "./login-form";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("parseLoginForm", () => {
  it("accepts an e-mail address and a password, trimming the address only", () => {
    expect(parseLoginForm(form({ email: "  jan@vt.example ", password: " geheim " }))).toEqual({
      ok: true,
      values: { email: "jan@vt.example", password: " geheim " },
    });
  });

  it("gives each empty field its own Dutch message", () => {
    expect(parseLoginForm(form({ email: "", password: "" }))).toEqual({
      ok: false,
      values: { email: "" },
      fieldErrors: { email: nl.login.emailRequired, password: nl.login.passwordRequired },
    });
  });

  it("treats missing fields and file uploads as empty", () => {
    const data = new FormData();
    data.set("email", new Blob(["x"]), "x.txt");
    const result = parseLoginForm(data);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toEqual({ email: nl.login.emailRequired, password: nl.login.passwordRequired });
  });

  it("shows one message per field, the first that applies", () => {
    const result = parseLoginForm(form({ email: "   ", password: "x" }));
    expect(result).toEqual({ ok: false, values: { email: "" }, fieldErrors: { email: nl.login.emailRequired } });
  });

  it("refuses something that is no e-mail address, and keeps what was typed", () => {
    const result = parseLoginForm(form({ email: "jan", password: "geheim" }));
    expect(result).toEqual({ ok: false, values: { email: "jan" }, fieldErrors: { email: nl.login.emailInvalid } });
  });

  it("refuses overlong values", () => {
    const result = parseLoginForm(form({ email: `${"a".repeat(320)}@vt.example`, password: "p".repeat(1025) }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors).toEqual({ email: nl.login.emailTooLong, password: nl.login.passwordTooLong });
    }
  });

  it("never returns the password when the form is refused", () => {
    const result = parseLoginForm(form({ email: "", password: "geheim" }));
    expect(JSON.stringify(result)).not.toContain("geheim");
  });
});
