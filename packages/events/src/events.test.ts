import { describe, expect, it } from "vitest";
import { eventSource, eventTypeName } from "./event-types";
import { handoverTopicFor, topics } from "./topics";

describe("event contracts", () => {
  it("routes handover events by the receiving organisation's kind", () => {
    expect(handoverTopicFor("local_team")).toBe("ketenportaal.handovers.local-teams");
    expect(handoverTopicFor("cjg")).toBe("ketenportaal.handovers.cjg");
    expect(handoverTopicFor("youth_protection")).toBe("ketenportaal.handovers.youth-protection");
    expect(Object.values(topics)).toContain("ketenportaal.tables");
  });

  it("names event types and the source as the NL GOV profile asks", () => {
    expect(eventTypeName({ aggregate: "handover", event: "offered" })).toBe("nl.ketenportaal.handover.offered.v1");
    expect(() => eventTypeName({ aggregate: "handover", event: "Offered Now" })).toThrow();
    expect(eventSource({ vtOin: "00000009999999990001" })).toBe(
      "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
    );
    expect(() => eventSource({ vtOin: "123" })).toThrow();
  });
});
