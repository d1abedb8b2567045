import { describe, expect, it } from "vitest";
import { loginPath, pathOfRequest, safeRedirectTo } from "./redirect-to";

describe("safeRedirectTo", () => {
  it.each(["/", "/overdrachten", "/overdrachten/123?tab=historie", "/zoeken?q=a%2Fb#resultaten"])(
    "keeps the local path %s",
    (path) => {
      expect(safeRedirectTo(path)).toBe(path);
    },
  );

  it.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a backslash further on", "/a\\b"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "overdrachten"],
    ["an empty string", ""],
    ["a tab inside", "/\t/evil.example"],
    ["a newline inside", "/a\nb"],
    ["something very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it.each([null, undefined, 42, ["/a"], { path: "/a" }])("refuses the non-string %s", (value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirectTo("//evil.example", "/toegankelijkheid")).toBe("/toegankelijkheid");
  });
});

describe("loginPath", () => {
  it("adds no parameter for the start page or nothing", () => {
    expect(loginPath()).toBe("/inloggen");
    expect(loginPath("/")).toBe("/inloggen");
  });

  it("carries a local path, encoded", () => {
    expect(loginPath("/overdrachten?status=open")).toBe("/inloggen?redirectTo=%2Foverdrachten%3Fstatus%3Dopen");
  });

  it("drops an unsafe path", () => {
    expect(loginPath("//evil.example")).toBe("/inloggen");
  });
});

describe("pathOfRequest", () => {
  it("keeps the path and the query", () => {
    expect(pathOfRequest(new Request("http://localhost/overdrachten?status=open"))).toBe("/overdrachten?status=open");
  });

  it("drops the parameters of Remix data requests", () => {
    expect(pathOfRequest(new Request("http://localhost/?index&_routes=root"))).toBe("/");
  });
});
