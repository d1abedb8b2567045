import { describe, expect, it } from "vitest";
import { aggregateHref, hasOutboxFilters, outboxListInputOf, readOutboxFilters } from "./outbox-filters";

const HANDOVER = "3f1d2c4b-5a69-4d7e-8f90-a1b2c3d4e5f6";

describe("readOutboxFilters", () => {
  it("reads the publication state, the aggregate id and the page from the address", () => {
    const filters = readOutboxFilters(new URLSearchParams(`publicatie=wachtend&onderwerp=${HANDOVER}&pagina=1234`));
    expect(filters).toEqual({ published: "wachtend", aggregateId: HANDOVER, invalidAggregateId: null, cursor: "1234" });
    expect(outboxListInputOf(filters)).toEqual({ published: false, aggregateId: HANDOVER, cursor: "1234" });
    expect(outboxListInputOf(readOutboxFilters(new URLSearchParams("publicatie=gepubliceerd")))).toEqual({
      published: true,
    });
    expect(hasOutboxFilters(filters)).toBe(true);
  });

  it("accepts an id with spaces around it or in capitals", () => {
    const filters = readOutboxFilters(new URLSearchParams({ onderwerp: ` ${HANDOVER.toUpperCase()} ` }));
    expect(filters.aggregateId).toBe(HANDOVER);
  });

  it("keeps a mistyped id to show back with an error, and never sends it to the API", () => {
    const filters = readOutboxFilters(new URLSearchParams("onderwerp=VT-2026-0102&publicatie=ja&pagina=-1"));
    expect(filters).toEqual({ published: "", aggregateId: "", invalidAggregateId: "VT-2026-0102", cursor: "" });
    expect(outboxListInputOf(filters)).toEqual({});
    expect(hasOutboxFilters(filters)).toBe(true);
  });

  it("has no filters on a plain visit", () => {
    const filters = readOutboxFilters(new URLSearchParams());
    expect(outboxListInputOf(filters)).toEqual({});
    expect(hasOutboxFilters(filters)).toBe(false);
  });
});

describe("aggregateHref", () => {
  it("links to the page filtered on one aggregate", () => {
    expect(aggregateHref("/beheer/gebeurtenissen", HANDOVER)).toBe(`/beheer/gebeurtenissen?onderwerp=${HANDOVER}`);
  });
});
