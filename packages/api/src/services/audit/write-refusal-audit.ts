import { type Database, withRequest } from "@ketenportaal/db";
import type { RequestMeta } from "../auth/log-in";
import type { Principal } from "../auth/principal";
import { type AuditEntry, auditActorOf, writeAudit } from "./write-audit";

type AuditAction = AuditEntry["action"];

/**
 * Per router: the purpose of use (doelbinding) and the object type its own audit rows use, so that a refused
 * attempt is found under the same names as the successful calls. Beheer names its object per sub-router.
 */
const AREAS: Record<string, { purpose: string; objectType: string }> = {
  handover: { purpose: "handover", objectType: "handover" },
  case: { purpose: "handover", objectType: "case" },
  "case.melding": { purpose: "triage", objectType: "case.melding" },
  "case.triageQueue": { purpose: "triage", objectType: "case.list" },
  notification: { purpose: "handover", objectType: "notification" },
  table: { purpose: "handover_table", objectType: "handover_table" },
  vv: { purpose: "vv", objectType: "vv_trajectory" },
  "admin.events": { purpose: "beheer", objectType: "outbox" },
  "admin.mail": { purpose: "beheer", objectType: "mail" },
  "admin.serviceAccounts": { purpose: "beheer", objectType: "service_account" },
  "admin.audit": { purpose: "beheer", objectType: "audit_log" },
  "admin.retention": { purpose: "beheer", objectType: "retention_request" },
  "admin.continuityPlan": { purpose: "beheer", objectType: "continuity_plan" },
  "admin.organisations": { purpose: "beheer", objectType: "organisation" },
  "admin.teams": { purpose: "beheer", objectType: "team" },
  "admin.people": { purpose: "beheer", objectType: "person" },
  "admin.regions.list": { purpose: "beheer", objectType: "region.list" },
  "admin.regions.create": { purpose: "beheer", objectType: "region" },
  "admin.regions.update": { purpose: "beheer", objectType: "region" },
  "admin.regions": { purpose: "beheer", objectType: "waiting_list_contact_frequencies" },
  waitingList: { purpose: "waiting_list", objectType: "case.waiting_list" },
  continuityPlan: { purpose: "beheer", objectType: "continuity_plan" },
  report: { purpose: "report", objectType: "report.gemeente" },
  auth: { purpose: "authentication", objectType: "session" },
  me: { purpose: "authentication", objectType: "user" },
};

/** The input keys that name the record a call is about, most specific first. */
const RECORD_KEYS = ["id", "trajectoryId", "meetingId", "caseId", "userId", "membershipId", "regionId"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidAt(input: unknown, key: string): string | null {
  if (typeof input !== "object" || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}

export type RefusedCallDescription = Pick<AuditEntry, "purpose" | "action" | "objectType" | "objectId" | "caseId">;

/**
 * What a refused call tried, in the audit log's own words, from nothing but the procedure and its raw input:
 * - purpose and object type from the router (`handover.get` → purpose handover, object `handover`; any other
 *   procedure is `<object type>.<procedure>`, as the transitions' rows are: `handover.accept`, `mail.retry`);
 * - action from the procedure type — a query reads; a mutation creates (`create`, `add*`, `schedule*`), deletes
 *   (`remove*`), executes (beheer, `decide`) or else updates, as the services' own rows do;
 * - object id and case id from the input, only when they are UUIDs: the raw input is the caller's, not yet
 *   validated, and no free text may reach the log.
 */
export function describeRefusedCall(options: {
  path: string;
  type: "query" | "mutation" | "subscription";
  rawInput: unknown;
}): RefusedCallDescription {
  const segments = options.path.split(".");
  const name = segments.at(-1) ?? options.path;
  const area = AREAS[options.path] ?? AREAS[segments.slice(0, -1).join(".")] ?? AREAS[segments[0] ?? ""];
  // A router not named above records its own path, so the attempt is still found.
  const purpose = area?.purpose ?? segments[0] ?? options.path;
  const base = area?.objectType ?? options.path;
  const named = area !== undefined && AREAS[options.path] === undefined;
  let objectId: string | null = null;
  for (const key of RECORD_KEYS) {
    objectId = uuidAt(options.rawInput, key);
    if (objectId) break;
  }
  return {
    purpose,
    action: actionOf(options.type, name, purpose),
    objectType: named && name !== "get" ? `${base}.${name}` : base,
    objectId,
    caseId: uuidAt(options.rawInput, "caseId"),
  };
}

function actionOf(type: string, name: string, purpose: string): AuditAction {
  if (type !== "mutation") return "read";
  if (name === "create" || name.startsWith("add") || name.startsWith("schedule")) return "create";
  if (name.startsWith("remove")) return "delete";
  if (purpose === "beheer" || name === "decide") return "execute";
  return "update";
}

/**
 * NEN 7513 wants failed attempts on record, but a refused call's own transaction is rolled back whole — its
 * audit row with it. So the refusal gets one row of its own, `outcome = 'failure'`, written after the rollback in
 * a short transaction as the same person, organisation and request (the application role and its policies, as
 * every request). Nothing else of the refused call remains.
 */
export async function writeRefusalAudit(options: {
  db: Database;
  principal: Principal;
  meta: RequestMeta;
  now: Date;
  call: { path: string; type: "query" | "mutation" | "subscription"; rawInput: unknown };
}): Promise<void> {
  const actor = auditActorOf(options);
  const { userId, serviceAccountId, organisationId, requestId } = actor;
  await withRequest(options.db, { userId, serviceAccountId, organisationId, requestId }, (tx) =>
    writeAudit(tx, {
      ...describeRefusedCall(options.call),
      ...actor,
      occurredAt: options.now,
      outcome: "failure",
    }),
  );
}
