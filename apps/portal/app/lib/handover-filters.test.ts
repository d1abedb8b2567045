import { describe, expect, it } from "vitest";
import { hasFilters, listInputOf, pageHref, readHandoverFilters } from "./handover-filters";
import { isCursor, isId } from "./ids";

const REGION = "3f1d2c4b-5a69-4d7e-8f90-a1b2c3d4e5f6";

describe("readHandoverFilters", () => {
  it("reads codes and ids from the address", () => {
    const params = new URLSearchParams(
      `status=offered&gemeente=GM0392&regio=${REGION}&verlopen=ja&mijn-regios=ja&pagina=WzUwXQ`,
    );
    const filters = readHandoverFilters(params, { canUseMyRegions: true });
    expect(filters).toEqual({
      status: "offered",
      municipalityCode: "GM0392",
      regionId: REGION,
      overdue: true,
      myRegions: true,
      cursor: "WzUwXQ",
    });
    expect(listInputOf(filters)).toEqual({
      status: ["offered"],
      municipalityCode: "GM0392",
      regionId: REGION,
      overdue: true,
      myRegions: true,
      cursor: "WzUwXQ",
    });
    expect(hasFilters(filters)).toBe(true);
  });

  it("drops what cannot be right instead of sending it to the API", () => {
    const params = new URLSearchParams("status=open&gemeente=Haarlem&regio=42&verlopen=1&mijn-regios=ja&pagina=a%20b");
    const filters = readHandoverFilters(params, { canUseMyRegions: false });
    expect(filters).toEqual({
      status: "",
      municipalityCode: "",
      regionId: "",
      overdue: false,
      myRegions: false,
      cursor: "",
    });
    expect(listInputOf(filters)).toEqual({});
    expect(hasFilters(filters)).toBe(false);
  });
});

describe("pageHref", () => {
  it("keeps the filters and sets the cursor", () => {
    const params = new URLSearchParams("status=offered&pagina=old");
    expect(pageHref("/overdrachten", params, "pagina", "new")).toBe("/overdrachten?status=offered&pagina=new");
    expect(pageHref("/overdrachten", params, "pagina", null)).toBe("/overdrachten?status=offered");
    expect(pageHref("/overdrachten", new URLSearchParams("pagina=x"), "pagina", null)).toBe("/overdrachten");
  });
});

describe("isId and isCursor", () => {
  it("accept only what the API can take", () => {
    expect(isId(REGION)).toBe(true);
    expect(isId("not-an-id")).toBe(false);
    expect(isId(undefined)).toBe(false);
    expect(isCursor("eyJhIjoxfQ")).toBe(true);
    expect(isCursor("a".repeat(201))).toBe(false);
    expect(isCursor("")).toBe(false);
  });
});
