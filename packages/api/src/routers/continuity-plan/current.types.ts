import { z } from "zod";
import { ZContinuityPlan } from "../admin/continuity-plan.types";

/** The period in force today, or null: what the portal's banner shows to everyone signed in. */
export const ZCurrentContinuityPlanResponse = z.object({ plan: ZContinuityPlan.nullable() });
