import { describe, expect, it } from "vitest";
import { checkDelivery, deliveryProblems, type ExpectedEvent, type ReceivedMessage, WARM_UP_KEY } from "./event-stream";

const expected: ExpectedEvent[] = [
  { id: "a1", key: "A", sequence: 1 },
  { id: "a2", key: "A", sequence: 2 },
  { id: "a3", key: "A", sequence: 3 },
  { id: "b1", key: "B", sequence: 1 },
];

let offset = 0;
function message(id: string, options: { partition?: number; value?: string } = {}): ReceivedMessage {
  const event = expected.find((e) => e.id === id) ?? { key: "A", sequence: 9 };
  return {
    topic: "t",
    partition: options.partition ?? (event.key === "A" ? 0 : 1),
    offset: offset++,
    key: event.key,
    value: options.value ?? `{"id":"${id}"}`,
    headers: { ce_id: id, ce_sequence: String(event.sequence) },
  };
}
const clean = { missing: 0, unexpected: 0, outOfOrder: 0, conflicting: 0, splitKeys: 0 };

describe("checkDelivery", () => {
  it("accepts every event once, in order per key, and ignores the warm-up message", () => {
    const warmUp = { ...message("b1"), key: WARM_UP_KEY, headers: {} };
    const report = checkDelivery(expected, [warmUp, message("a1"), message("b1"), message("a2"), message("a3")]);
    expect(deliveryProblems(report)).toEqual(clean);
    expect(report).toMatchObject({ received: 4, distinct: 4, duplicates: 0 });
  });

  it("accepts a re-send of earlier events (at least once), counting the duplicates", () => {
    const stream = ["a1", "a2", "a3", "a2", "a3", "b1"].map((id) => message(id));
    const report = checkDelivery(expected, stream);
    expect(deliveryProblems(report)).toEqual(clean);
    expect(report).toMatchObject({ received: 6, distinct: 4, duplicates: 2 });
  });

  it("finds a lost event, a gap in a key's order, a changed re-send and a key in two partitions", () => {
    expect(
      checkDelivery(
        expected,
        ["a1", "a2", "a3"].map((id) => message(id)),
      ).missing,
    ).toEqual(["b1"]);
    expect(
      checkDelivery(
        expected,
        ["a1", "a3", "a2", "b1"].map((id) => message(id)),
      ).outOfOrder,
    ).toEqual(["a3"]);
    expect(
      checkDelivery(expected, [message("a1"), message("a1", { value: "{}" }), message("a2"), message("a3")])
        .conflicting,
    ).toEqual(["a1"]);
    expect(
      checkDelivery(expected, [message("a1"), message("a2", { partition: 3 }), message("a3"), message("b1")]).splitKeys,
    ).toEqual(["A"]);
    expect(checkDelivery(expected, [message("zz")]).unexpected).toEqual(["zz"]);
  });
});
