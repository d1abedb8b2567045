import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_VERSION, buildOpenApiDocument, DOCUMENT_PUBLIC_URL } from "./openapi";

describe("openapi.json", () => {
  it("is the document the code builds (regenerate with `npm run openapi -w @ketenportaal/rest-api`)", () => {
    const committed = JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument({ publicUrl: DOCUMENT_PUBLIC_URL }))));
  });

  it("names the version the changelog names last", () => {
    const changelog = readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8");
    expect(/^## (\d+\.\d+\.\d+)/m.exec(changelog)?.[1]).toBe(API_VERSION);
  });
});
