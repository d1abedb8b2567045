import type { Transaction } from "@ketenportaal/db";
import { writeAudit } from "../audit/write-audit";
import type { RequestMeta } from "./log-in";
import type { Principal } from "./principal";
import { revokeAllSessions } from "./sessions";

/** Ends all of the caller's sessions (other browsers too), on record, inside the request's transaction. */
export async function logOut(options: {
  tx: Transaction;
  principal: Extract<Principal, { kind: "user" }>;
  meta: RequestMeta;
}): Promise<void> {
  const { principal, tx } = options;
  await revokeAllSessions({ tx, userId: principal.user.id });
  await writeAudit(tx, {
    userId: principal.user.id,
    role: principal.roles.join(","),
    organisationId: principal.organisation.id,
    purpose: "authentication",
    action: "delete",
    objectType: "session",
    objectId: principal.sessionId,
    outcome: "success",
    requestId: options.meta.requestId,
    clientAddress: options.meta.clientAddress,
  });
}
