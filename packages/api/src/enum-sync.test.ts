import * as db from "@ketenportaal/db";
import * as domain from "@ketenportaal/domain";
import { describe, expect, it } from "vitest";

// The database's enums and the domain's lists live in two leaf packages that may not import each other; the API
// is where both meet, so this is where they are held to each other.
describe("enums of the database and the domain", () => {
  it.each([
    ["handover statuses", db.handoverStatuses, domain.handoverStatuses],
    ["involved person roles", db.involvedPersonRoles, domain.involvedPersonRoles],
    ["spoken statuses", db.spokenStatuses, domain.spokenStatuses],
    ["table meeting statuses", db.tableMeetingStatuses, domain.tableMeetingStatuses],
    ["table decision kinds", db.tableDecisionKinds, domain.tableDecisionKinds],
    ["V&V statuses", db.vvStatuses, domain.vvStatuses],
    ["V&V condition owners", db.vvConditionOwners, domain.vvConditionOwners],
    ["V&V condition statuses", db.vvConditionStatuses, domain.vvConditionStatuses],
  ])("agree on %s", (_name, inDatabase, inDomain) => {
    expect([...inDatabase]).toEqual([...inDomain]);
  });
});
