export {
  type ApiConfig,
  type ApiContext,
  type AuthConfig,
  type AuthedContext,
  createApiContext,
  type OidcConfig,
} from "./context";
export type { PortalLoadContext, PortalLogger } from "./portal-load-context";
export { type ApiCaller, type AppRouter, appRouter, createApiCaller } from "./router";
export {
  createServiceAccount,
  createUser,
  resetPassword,
  revokeServiceAccount,
} from "./services/accounts/manage-accounts";
export type { RequestMeta } from "./services/auth/log-in";
export { resetSecondFactor } from "./services/auth/mfa";
export type { OrganisationKind, Principal, Role } from "./services/auth/principal";
export {
  type ContinuityPeriodInRange,
  listContinuityPeriods,
} from "./services/continuity-plan/manage-continuity-plan";
export { watchContinuityPlans } from "./services/continuity-plan/watch-continuity-plans";
export { DEMO_PASSWORD, demoUsers } from "./services/demo/demo-region";
export { seedDemoCases } from "./services/demo/seed-demo-cases";
export { seedDemoRegion } from "./services/demo/seed-demo-region";
export { DomainRefusal } from "./services/errors";
export { DEFAULT_PARTNER_ACCESS_AFTER_CLOSE_DAYS } from "./services/handover/partner-access";
export { createDeadlineWatchTask, watchHandoverDeadlines } from "./services/handover/watch-deadlines";
export { retryFailedMail } from "./services/mail/retry-failed-mail";
export { createRetentionTask, destroyExpiredFiles } from "./services/retention/destroy-expired-files";
export {
  describeTargetError,
  requestTarget,
  strictTargetPolicy,
  type WebhookTargetPolicy,
} from "./services/webhooks/webhook-target";
export * from "./session-cookie";
