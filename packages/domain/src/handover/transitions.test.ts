import { describe, expect, it } from "vitest";
import { type HandoverStatus, handoverStatuses } from "./status";
import {
  allowedHandoverActions,
  assertHandoverEditable,
  decideHandoverTransition,
  type HandoverAction,
  HandoverNotEditableError,
  type HandoverParty,
  HandoverTransitionError,
  handoverActionLabels,
  handoverActions,
  initialHandoverStatus,
  requiresPackageGate,
  TABLE_DECISION_HISTORY_REASON,
} from "./transitions";

const parties: HandoverParty[] = ["requester", "owner"];

// Written out from DESIGN.md section 3 rather than derived from the rules table, so the test can disagree with it.
const allowed: [HandoverStatus, HandoverAction, HandoverParty, HandoverStatus][] = [
  ["draft", "offer", "requester", "offered"],
  ["draft", "withdraw", "requester", "withdrawn"],
  ["offered", "withdraw", "requester", "withdrawn"],
  ["offered", "accept", "owner", "accepted"],
  ["offered", "decline", "owner", "declined"],
  ["accepted", "start", "owner", "started"],
  ["started", "complete", "owner", "completed"],
  ["accepted", "return", "owner", "returned"],
  ["started", "return", "owner", "returned"],
];

const refused = handoverStatuses.flatMap((from) =>
  handoverActions.flatMap((action) =>
    parties
      .filter((party) => !allowed.some(([f, a, p]) => f === from && a === action && p === party))
      .map((party) => {
        const allowedInStatus = allowed.some(([f, a]) => f === from && a === action);
        return [from, action, party, allowedInStatus ? "not_allowed_for_party" : "not_allowed_in_status"] as const;
      }),
  ),
);

function catchTransitionError(run: () => unknown): HandoverTransitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof HandoverTransitionError) return error;
    throw error;
  }
  throw new Error("expected a HandoverTransitionError");
}

describe("decideHandoverTransition", () => {
  it.each(allowed)("%s --%s by %s--> %s", (from, action, party, to) => {
    expect(decideHandoverTransition({ from, action, party })).toBe(to);
  });

  it("refuses every other combination of status, action and party", () => {
    expect(allowed.length + refused.length).toBe(handoverStatuses.length * handoverActions.length * parties.length);
  });

  it.each(refused)("refuses %s --%s by %s-- with %s", (from, action, party, code) => {
    const error = catchTransitionError(() => decideHandoverTransition({ from, action, party }));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "HandoverTransitionError", code, from, action, party });
    expect(error.message).not.toBe("");
  });

  it("explains a refusal by status in Dutch", () => {
    const error = catchTransitionError(() =>
      decideHandoverTransition({ from: "accepted", action: "withdraw", party: "requester" }),
    );
    expect(error.message).toBe("Een overdracht met status 'geaccepteerd' kan niet worden ingetrokken.");
  });

  it("explains a refusal by party in Dutch", () => {
    expect(
      catchTransitionError(() => decideHandoverTransition({ from: "offered", action: "accept", party: "requester" }))
        .message,
    ).toBe("Alleen de ontvangende organisatie kan een overdracht accepteren.");
    expect(
      catchTransitionError(() => decideHandoverTransition({ from: "draft", action: "offer", party: "owner" })).message,
    ).toBe("Alleen Veilig Thuis kan een overdracht aanbieden.");
  });

  it("checks the status before the party", () => {
    // The owner may never withdraw, but a completed handover is the more useful answer.
    const error = catchTransitionError(() =>
      decideHandoverTransition({ from: "completed", action: "withdraw", party: "owner" }),
    );
    expect(error.code).toBe("not_allowed_in_status");
    expect(error.message).toBe("Een overdracht met status 'afgerond' kan niet worden ingetrokken.");
  });
});

describe("allowedHandoverActions", () => {
  it.each(handoverStatuses.filter((status) => ["completed", "declined", "withdrawn", "returned"].includes(status)))(
    "allows nothing at all on a closed handover (%s)",
    (status) => {
      for (const party of parties) expect(allowedHandoverActions({ status, party })).toEqual([]);
    },
  );

  it.each(handoverStatuses.flatMap((status) => parties.map((party) => [status, party] as const)))(
    "lists the buttons for %s to the %s",
    (status, party) => {
      const expected = handoverActions.filter((action) =>
        allowed.some(([f, a, p]) => f === status && a === action && p === party),
      );
      expect(allowedHandoverActions({ status, party })).toEqual(expected);
    },
  );

  it("offers VT the offer and withdraw buttons on a draft, and the partner the accept and decline buttons", () => {
    expect(allowedHandoverActions({ status: "draft", party: "requester" })).toEqual(["offer", "withdraw"]);
    expect(allowedHandoverActions({ status: "offered", party: "owner" })).toEqual(["accept", "decline"]);
    expect(allowedHandoverActions({ status: "started", party: "owner" })).toEqual(["complete", "return"]);
  });

  it("has a Dutch label for every action", () => {
    expect(handoverActions.map((action) => handoverActionLabels[action])).toEqual([
      "aanbieden",
      "intrekken",
      "accepteren",
      "afwijzen",
      "starten",
      "afronden",
      "terugmelden",
    ]);
  });
});

describe("assertHandoverEditable", () => {
  it("lets a draft be edited", () => {
    expect(() => assertHandoverEditable({ status: "draft" })).not.toThrow();
  });

  it.each(handoverStatuses.filter((status) => status !== "draft"))(
    "refuses to edit a handover in status %s",
    (status) => {
      expect(() => assertHandoverEditable({ status })).toThrow(HandoverNotEditableError);
      try {
        assertHandoverEditable({ status });
      } catch (error) {
        expect(error).toMatchObject({ name: "HandoverNotEditableError", code: "not_editable", status });
      }
    },
  );

  it("says so in Dutch", () => {
    expect(() => assertHandoverEditable({ status: "offered" })).toThrow(
      "Een overdracht met status 'aangeboden' kan niet meer worden gewijzigd. Alleen een concept kan worden gewijzigd.",
    );
  });
});

describe("handover origins", () => {
  it("starts a composed handover as a draft and a table decision as accepted, behind the package gate", () => {
    expect(initialHandoverStatus({ origin: "composed" })).toBe("draft");
    expect(initialHandoverStatus({ origin: "table_decision" })).toBe("accepted");
    expect(requiresPackageGate({ origin: "table_decision" })).toBe(true);
    expect(TABLE_DECISION_HISTORY_REASON).toBe("besloten aan de overdrachtstafel");
  });
});
