import { describe, expect, it } from "vitest";
import { serializeErrorForLog } from "./log-safe-error";

describe("serializeErrorForLog", () => {
  it("drops query parameters from a query error and its message, keeping the cause's code", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" });
    const error = Object.assign(
      new Error('Failed query: insert into "involved_persons" ("name") values ($1)\nparams: Pien Ploeg'),
      {
        params: ["Pien Ploeg"],
        query: 'insert into "involved_persons"',
        cause,
      },
    );
    const logged = JSON.stringify(serializeErrorForLog(error));
    expect(logged).not.toContain("Pien Ploeg");
    expect(logged).toContain("23505");
    expect(logged).toContain("Failed query");
  });
});
