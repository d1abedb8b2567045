import { type Database, withRequest } from "@ketenportaal/db";
import { writeAudit } from "../audit/write-audit";
import type { RequestMeta } from "./log-in";
import type { Principal } from "./principal";
import { revokeSession } from "./sessions";

export async function logOut(options: {
  db: Database;
  principal: Extract<Principal, { kind: "user" }>;
  meta: RequestMeta;
}): Promise<void> {
  const { principal } = options;
  await withRequest(
    options.db,
    { userId: principal.user.id, organisationId: principal.organisation.id, requestId: options.meta.requestId },
    async (tx) => {
      await revokeSession({ tx, sessionId: principal.sessionId });
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
    },
  );
}
