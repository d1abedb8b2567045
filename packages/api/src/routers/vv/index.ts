import { z } from "zod";
import { addTimelineEntry } from "../../services/vv/add-timeline-entry";
import { closeTrajectory } from "../../services/vv/close-trajectory";
import { vvFormOptions } from "../../services/vv/form-options";
import { addCondition, updateCondition } from "../../services/vv/manage-conditions";
import { recordMonitoring, scheduleMonitoring } from "../../services/vv/manage-monitoring";
import { openTrajectory } from "../../services/vv/open-trajectory";
import { getTrajectory, listTrajectories } from "../../services/vv/read-trajectories";
import { authedProcedure, router } from "../../trpc";
import {
  ZAddConditionRequest,
  ZAddTimelineEntryRequest,
  ZCloseVvRequest,
  ZConditionMutationResponse,
  ZCreateVvRequest,
  ZGetVvRequest,
  ZListVvRequest,
  ZListVvResponse,
  ZMonitoringMutationResponse,
  ZRecordMonitoringRequest,
  ZScheduleMonitoringRequest,
  ZTimelineEntryResponse,
  ZUpdateConditionRequest,
  ZVvDetail,
  ZVvFormOptionsResponse,
  ZVvMutationResponse,
} from "./vv.types";

/**
 * Voorwaarden & Vervolg (names fixed by DESIGN.md section 5): VT and one partner organisation co-work a household.
 * Only those two organisations see a trajectory; every change lands on its shared timeline and as an event.
 */
export const vvRouter = router({
  create: authedProcedure
    .input(ZCreateVvRequest)
    .output(ZVvMutationResponse)
    .mutation(({ ctx, input }) =>
      openTrajectory({
        ctx,
        input: {
          ...input,
          vtWorkerUserId:
            input.vtWorkerUserId === undefined && ctx.principal.kind === "user"
              ? ctx.principal.user.id
              : input.vtWorkerUserId,
        },
      }),
    ),
  list: authedProcedure
    .input(ZListVvRequest.optional())
    .output(ZListVvResponse)
    .query(({ ctx, input }) => listTrajectories({ ctx, filters: input ?? { limit: 100 } })),
  get: authedProcedure
    .input(ZGetVvRequest)
    .output(ZVvDetail)
    .query(({ ctx, input }) => getTrajectory({ ctx, id: input.id })),
  addCondition: authedProcedure
    .input(ZAddConditionRequest)
    .output(ZConditionMutationResponse)
    .mutation(({ ctx, input }) => addCondition({ ctx, input })),
  updateCondition: authedProcedure
    .input(ZUpdateConditionRequest)
    .output(ZConditionMutationResponse)
    .mutation(({ ctx, input }) => updateCondition({ ctx, input })),
  scheduleMonitoring: authedProcedure
    .input(ZScheduleMonitoringRequest)
    .output(ZMonitoringMutationResponse)
    .mutation(({ ctx, input }) => scheduleMonitoring({ ctx, input })),
  recordMonitoring: authedProcedure
    .input(ZRecordMonitoringRequest)
    .output(ZMonitoringMutationResponse)
    .mutation(({ ctx, input }) => recordMonitoring({ ctx, input })),
  addTimelineEntry: authedProcedure
    .input(ZAddTimelineEntryRequest)
    .output(ZTimelineEntryResponse)
    .mutation(({ ctx, input }) => addTimelineEntry({ ctx, input })),
  close: authedProcedure
    .input(ZCloseVvRequest)
    .output(ZVvMutationResponse)
    .mutation(({ ctx, input }) => closeTrajectory({ ctx, input })),
  formOptions: authedProcedure
    .input(z.void())
    .output(ZVvFormOptionsResponse)
    .query(({ ctx }) => vvFormOptions({ ctx })),
});
