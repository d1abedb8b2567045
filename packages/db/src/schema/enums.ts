import { pgEnum } from "drizzle-orm/pg-core";

export const organisationKinds = ["vt", "local_team", "cjg", "youth_protection", "municipality"] as const;
export const organisationKind = pgEnum("organisation_kind", organisationKinds);

export const roles = [
  "functional_admin",
  "vt_worker",
  "team_coordinator",
  "partner_worker",
  "partner_coordinator",
  "policy_officer",
] as const;
export const role = pgEnum("role", roles);

export const auditActions = ["create", "read", "update", "delete", "execute"] as const;
export const auditAction = pgEnum("audit_action", auditActions);

export const auditOutcomes = ["success", "failure"] as const;
export const auditOutcome = pgEnum("audit_outcome", auditOutcomes);

export const casePriorities = ["acute", "high", "normal", "low"] as const;
export const casePriority = pgEnum("case_priority", casePriorities);

export const involvedPersonRoles = ["child", "parent", "partner", "elder", "other"] as const;
export const involvedPersonRole = pgEnum("involved_person_role", involvedPersonRoles);

export const spokenStatuses = ["spoken", "not_spoken"] as const;
export const spokenStatus = pgEnum("spoken_status", spokenStatuses);

export const handoverStatuses = [
  "draft",
  "offered",
  "accepted",
  "started",
  "completed",
  "declined",
  "withdrawn",
  "returned",
] as const;
export const handoverStatus = pgEnum("handover_status", handoverStatuses);
