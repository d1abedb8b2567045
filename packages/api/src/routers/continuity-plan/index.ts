import { getCurrentContinuityPlan } from "../../services/continuity-plan/manage-continuity-plan";
import { authedProcedure, router } from "../../trpc";
import { ZCurrentContinuityPlanResponse } from "./current.types";

/** VT's continuity plan as everyone in the chain sees it: the period in force, for the portal's banner. */
export const continuityPlanRouter = router({
  current: authedProcedure
    .output(ZCurrentContinuityPlanResponse)
    .query(async ({ ctx }) => ({ plan: await getCurrentContinuityPlan({ ctx }) })),
});
