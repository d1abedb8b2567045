import {
  declareContinuityPlan,
  endContinuityPlan,
  listContinuityPlans,
} from "../../services/continuity-plan/manage-continuity-plan";
import { authedProcedure, router } from "../../trpc";
import {
  ZContinuityPlan,
  ZDeclareContinuityPlanRequest,
  ZEndContinuityPlanRequest,
  ZListContinuityPlansResponse,
} from "./continuity-plan.types";

/**
 * Het continuïteitsplan: VT's functioneel beheerder declares a period in which only the chosen services run, and
 * ends it early. The service refuses everyone else and writes an audit row for every call; partners and gemeenten
 * are told of the start and the end (e-mail and event).
 */
export const continuityPlanAdminRouter = router({
  list: authedProcedure
    .output(ZListContinuityPlansResponse)
    .query(async ({ ctx }) => ({ plans: await listContinuityPlans({ ctx }) })),
  declare: authedProcedure
    .input(ZDeclareContinuityPlanRequest)
    .output(ZContinuityPlan)
    .mutation(({ ctx, input }) => declareContinuityPlan({ ctx, input })),
  end: authedProcedure
    .input(ZEndContinuityPlanRequest)
    .output(ZContinuityPlan)
    .mutation(({ ctx, input }) => endContinuityPlan({ ctx, input })),
});
