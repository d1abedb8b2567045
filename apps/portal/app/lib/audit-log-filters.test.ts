import { describe, expect, it } from "vitest";
import { auditLogHref, auditSearchInputOf, readAuditLogFilters, readPostedAuditSearch } from "./audit-log-filters";

const caseId = "0b6a4c1e-4f2a-4c6e-9a51-2f1d3c4b5a69";
const messages = { invalidDate: "datum?", toBeforeFrom: "omgekeerd" };

describe("the audit-log filters in the address", () => {
  it("reads ids, dates and known words, and ignores anything else", () => {
    const filters = readAuditLogFilters(
      new URLSearchParams(
        `casus=${caseId}&gebruiker=jan@example.org&van=2026-11-01&tot=2026-10-01&doel=handover&actie=read&uitkomst=x&pagina=42`,
      ),
    );
    expect(filters).toEqual({
      caseId,
      userId: "",
      organisationId: "",
      from: "2026-11-01",
      to: "",
      purpose: "handover",
      action: "read",
      outcome: "",
      cursor: "42",
    });
    expect(auditSearchInputOf(filters)).toEqual({
      caseId,
      from: "2026-11-01",
      purpose: "handover",
      action: "read",
      cursor: "42",
      limit: 50,
    });
  });

  it("writes an address with ids and dates only", () => {
    expect(auditLogHref("/beheer/audit-log", { caseId, from: "2026-11-01", outcome: "failure" })).toBe(
      `/beheer/audit-log?casus=${caseId}&van=2026-11-01&uitkomst=failure`,
    );
    expect(auditLogHref("/beheer/audit-log", {})).toBe("/beheer/audit-log");
  });
});

describe("the posted search form", () => {
  it("keeps the typed reference and address apart from the filters, and checks the period", () => {
    const form = new FormData();
    form.set("casuskenmerk", " VT-2026-0102 ");
    form.set("email", "Jan@Example.org");
    form.set("van", "2026-11-30");
    form.set("tot", "2026-11-01");
    form.set("doel", "<script>");
    const posted = readPostedAuditSearch(form, messages);
    expect(posted.caseReference).toBe("VT-2026-0102");
    expect(posted.userEmail).toBe("Jan@Example.org");
    expect(posted.filters.purpose).toBe("");
    expect(posted.errors).toEqual({ tot: "omgekeerd" });
    expect(JSON.stringify(posted.filters)).not.toContain("@");
  });

  it("refuses a date that does not exist", () => {
    const form = new FormData();
    form.set("van", "2026-02-30");
    expect(readPostedAuditSearch(form, messages).errors).toEqual({ van: "datum?" });
  });
});
