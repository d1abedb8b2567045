import { listMail } from "../../services/admin/list-mail";
import { listOutboxEvents } from "../../services/admin/list-outbox-events";
import { retryMail } from "../../services/admin/retry-mail";
import {
  createServiceAccountAsAdmin,
  listServiceAccounts,
  revokeServiceAccountAsAdmin,
} from "../../services/admin/service-accounts";
import { listWebhookDeliveries, resendWebhookDelivery } from "../../services/webhooks/admin-deliveries";
import { authedProcedure, router } from "../../trpc";
import {
  ZListWebhookDeliveriesRequest,
  ZListWebhookDeliveriesResponse,
  ZResendWebhookDeliveryRequest,
  ZResendWebhookDeliveryResponse,
} from "../webhook/webhook.types";
import {
  ZCreateServiceAccountRequest,
  ZCreateServiceAccountResponse,
  ZListMailRequest,
  ZListMailResponse,
  ZListOutboxEventsRequest,
  ZListOutboxEventsResponse,
  ZListServiceAccountsResponse,
  ZRetryMailRequest,
  ZRetryMailResponse,
  ZRevokeServiceAccountRequest,
  ZRevokeServiceAccountResponse,
} from "./admin.types";
import { auditRouter } from "./audit";
import { continuityPlanAdminRouter } from "./continuity-plan";
import { organisationsAdminRouter } from "./organisations";
import { peopleAdminRouter } from "./people";
import { regionsAdminRouter } from "./regions";
import { retentionRouter } from "./retention";
import { teamsAdminRouter } from "./teams";

/**
 * The functioneel beheerder's view on the plumbing: the event outbox and the e-mail queue. The services refuse
 * everyone else (FORBIDDEN, in Dutch) and write an audit row for every call.
 */
export const adminRouter = router({
  events: router({
    list: authedProcedure
      .input(ZListOutboxEventsRequest.optional())
      .output(ZListOutboxEventsResponse)
      .query(({ ctx, input }) => listOutboxEvents({ ctx, filters: input ?? { limit: 50 } })),
  }),
  mail: router({
    list: authedProcedure
      .input(ZListMailRequest.optional())
      .output(ZListMailResponse)
      .query(({ ctx, input }) => listMail({ ctx, filters: input ?? { limit: 50 } })),
    retry: authedProcedure
      .input(ZRetryMailRequest)
      .output(ZRetryMailResponse)
      .mutation(({ ctx, input }) => retryMail({ ctx, id: input.id })),
  }),
  serviceAccounts: router({
    list: authedProcedure.output(ZListServiceAccountsResponse).query(({ ctx }) => listServiceAccounts({ ctx })),
    create: authedProcedure
      .input(ZCreateServiceAccountRequest)
      .output(ZCreateServiceAccountResponse)
      .mutation(({ ctx, input }) => createServiceAccountAsAdmin({ ctx, input })),
    revoke: authedProcedure
      .input(ZRevokeServiceAccountRequest)
      .output(ZRevokeServiceAccountResponse)
      .mutation(({ ctx, input }) => revokeServiceAccountAsAdmin({ ctx, id: input.id })),
  }),
  retention: retentionRouter,
  audit: auditRouter,
  continuityPlan: continuityPlanAdminRouter,
  organisations: organisationsAdminRouter,
  teams: teamsAdminRouter,
  people: peopleAdminRouter,
  regions: regionsAdminRouter,
  webhooks: router({
    deliveries: router({
      list: authedProcedure
        .input(ZListWebhookDeliveriesRequest.optional())
        .output(ZListWebhookDeliveriesResponse)
        .query(({ ctx, input }) => listWebhookDeliveries({ ctx, filters: input ?? { limit: 50 } })),
      resend: authedProcedure
        .input(ZResendWebhookDeliveryRequest)
        .output(ZResendWebhookDeliveryResponse)
        .mutation(({ ctx, input }) => resendWebhookDelivery({ ctx, id: input.id })),
    }),
  }),
});
