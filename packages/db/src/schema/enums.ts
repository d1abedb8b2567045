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
