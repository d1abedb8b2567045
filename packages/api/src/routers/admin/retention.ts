import {
  decideDestructionRequestAsAdmin,
  getRetentionOverview,
  recordDestructionRequest,
} from "../../services/retention/manage-retention";
import { authedProcedure, router } from "../../trpc";
import {
  ZCarryOutDestructionRequest,
  ZDecideDestructionRequestResponse,
  ZRecordDestructionRequest,
  ZRecordDestructionRequestResponse,
  ZRefuseDestructionRequest,
  ZRetentionOverviewResponse,
} from "./retention.types";

/**
 * Bewaartermijnen (decision 012): the VT organisation's functioneel beheerder sees the files due for destruction
 * and records, carries out or refuses Wmo 2015 requests to destroy one. The service refuses everyone else and
 * writes an audit row for every call.
 */
export const retentionRouter = router({
  overview: authedProcedure.output(ZRetentionOverviewResponse).query(({ ctx }) => getRetentionOverview({ ctx })),
  recordRequest: authedProcedure
    .input(ZRecordDestructionRequest)
    .output(ZRecordDestructionRequestResponse)
    .mutation(({ ctx, input }) => recordDestructionRequest({ ctx, input })),
  carryOut: authedProcedure
    .input(ZCarryOutDestructionRequest)
    .output(ZDecideDestructionRequestResponse)
    .mutation(({ ctx, input }) =>
      decideDestructionRequestAsAdmin({ ctx, input: { ...input, decision: { kind: "carry_out" } } }),
    ),
  refuse: authedProcedure
    .input(ZRefuseDestructionRequest)
    .output(ZDecideDestructionRequestResponse)
    .mutation(({ ctx, input }) =>
      decideDestructionRequestAsAdmin({
        ctx,
        input: { id: input.id, version: input.version, decision: { kind: "refuse", reasonCode: input.reasonCode } },
      }),
    ),
});
