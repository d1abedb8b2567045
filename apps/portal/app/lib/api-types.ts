import type { ApiCaller } from "@ketenportaal/api";

/**
 * What the API's procedures take and give, as the portal's server-side caller sees them (dates stay Date objects:
 * nothing is serialised in between). Types only: nothing of the API runs in the portal.
 */
type Procedure = (...args: never[]) => Promise<unknown>;
type CallerInputs<T> = {
  [K in keyof T]: T[K] extends Procedure ? Parameters<T[K]>[0] : CallerInputs<T[K]>;
};
type CallerOutputs<T> = {
  [K in keyof T]: T[K] extends Procedure ? Awaited<ReturnType<T[K]>> : CallerOutputs<T[K]>;
};
export type ApiInputs = CallerInputs<ApiCaller>;
export type ApiOutputs = CallerOutputs<ApiCaller>;

export type HandoverDetail = ApiOutputs["handover"]["get"];
export type HandoverSummary = ApiOutputs["handover"]["list"]["items"][number];
export type HandoverStatus = HandoverSummary["status"];
export type HandoverAction = HandoverDetail["allowedActions"][number];
export type HandoverDeadline = NonNullable<HandoverSummary["currentDeadline"]>;
export type DeadlineKind = HandoverDeadline["kind"];
export type CasePriority = HandoverSummary["priority"];
export type InvolvedPerson = HandoverDetail["case"]["persons"][number];
export type PersonRole = InvolvedPerson["role"];
export type SpokenStatus = NonNullable<InvolvedPerson["spokenStatus"]>;
export type MissingItem = HandoverDetail["missingItems"][number];
export type HistoryEntry = HandoverDetail["history"][number];
export type DeclineReasonCode = ApiInputs["handover"]["decline"]["reasonCode"];
export type OutcomeCode = ApiInputs["handover"]["complete"]["outcomeCode"];
export type HandoverFormOptions = ApiOutputs["handover"]["formOptions"];
export type CreateCaseInput = ApiInputs["case"]["create"];
export type UpdateCaseInput = ApiInputs["case"]["update"];
export type PersonInput = NonNullable<CreateCaseInput["persons"]>[number];
export type CreateHandoverInput = ApiInputs["handover"]["create"];
export type UpdateHandoverInput = ApiInputs["handover"]["update"];
export type ListHandoversInput = NonNullable<ApiInputs["handover"]["list"]>;
export type NotificationItem = ApiOutputs["notification"]["list"]["items"][number];
export type OutboxEvent = ApiOutputs["admin"]["events"]["list"]["items"][number];
export type ListOutboxEventsInput = NonNullable<ApiInputs["admin"]["events"]["list"]>;
export type MailMessage = ApiOutputs["admin"]["mail"]["list"]["items"][number];
export type MailStatus = MailMessage["status"];
export type ListMailInput = NonNullable<ApiInputs["admin"]["mail"]["list"]>;
export type WebhookSubscription = ApiOutputs["webhook"]["subscriptions"]["list"]["items"][number];
export type WebhookSubscriptionStatus = WebhookSubscription["status"];
export type WebhookDelivery = ApiOutputs["admin"]["webhooks"]["deliveries"]["list"]["items"][number];
export type WebhookDeliveryStatus = WebhookDelivery["status"];
export type ListWebhookDeliveriesInput = NonNullable<ApiInputs["admin"]["webhooks"]["deliveries"]["list"]>;
export type TableSummary = ApiOutputs["table"]["list"]["upcoming"][number];
export type TableDetail = ApiOutputs["table"]["get"];
export type TableItem = TableDetail["items"][number];
export type TableAction = TableDetail["allowedActions"][number];
export type TableDecisionKind = NonNullable<TableItem["decision"]>;
export type TableMinutes = ApiOutputs["table"]["minutes"];
export type TableFormOptions = ApiOutputs["table"]["formOptions"];
export type CaseworkOrganisation = TableFormOptions["organisations"][number];
export type OrganisationKindOf = CaseworkOrganisation["kind"];
export type CreateTableInput = ApiInputs["table"]["create"];
export type DecideTableItemInput = ApiInputs["table"]["decide"];
export type VvSummary = ApiOutputs["vv"]["list"]["items"][number];
export type VvDetail = ApiOutputs["vv"]["get"];
export type VvStatus = VvSummary["status"];
export type VvAction = VvDetail["allowedActions"][number];
export type VvCondition = VvDetail["conditions"][number];
export type VvConditionOwner = VvCondition["owner"];
export type VvConditionStatus = VvCondition["status"];
export type VvMonitoringMoment = VvDetail["monitoringMoments"][number];
export type VvMonitoringState = VvMonitoringMoment["state"];
export type VvTimelineEntry = VvDetail["timeline"][number];
export type VvTimelineKind = VvTimelineEntry["kind"];
export type VvOutcomeCode = ApiInputs["vv"]["close"]["outcomeCode"];
export type CreateVvInput = ApiInputs["vv"]["create"];
export type CaseSummary = ApiOutputs["case"]["list"]["items"][number];
export type AuditSearchInput = ApiInputs["admin"]["audit"]["search"];
export type AuditSearchResult = ApiOutputs["admin"]["audit"]["search"];
export type AuditRow = AuditSearchResult["items"][number];
export type AuditAction = AuditRow["action"];
export type AuditOutcome = AuditRow["outcome"];
