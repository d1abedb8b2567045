import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import { mailListInputOf, mailStatusParams, readMailFilters } from "./mail-filters";

const ID = "3f1d2c4b-5a69-4d7e-8f90-a1b2c3d4e5f6";

describe("readMailFilters", () => {
  it("maps the Dutch status in the address to the API's", () => {
    expect(mailListInputOf(readMailFilters(new URLSearchParams("status=mislukt")))).toEqual({ status: "failed" });
    expect(mailListInputOf(readMailFilters(new URLSearchParams("status=wachtend")))).toEqual({ status: "pending" });
    expect(mailListInputOf(readMailFilters(new URLSearchParams(`status=verzonden&pagina=${ID}`)))).toEqual({
      status: "sent",
      cursor: ID,
    });
  });

  it("drops what cannot be right instead of sending it to the API", () => {
    const filters = readMailFilters(new URLSearchParams("status=failed&pagina=abc"));
    expect(filters).toEqual({ status: "", cursor: "" });
    expect(mailListInputOf(filters)).toEqual({});
    expect(readMailFilters(new URLSearchParams("status=toString")).status).toBe("");
  });

  it("offers every status the catalogue names", () => {
    expect(Object.values(mailStatusParams).sort()).toEqual(Object.keys(nl.mailStatus).sort());
  });
});
