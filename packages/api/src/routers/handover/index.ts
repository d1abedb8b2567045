import { z } from "zod";
import { handoverFormOptions, listAssignees } from "../../services/handover/form-options";
import { getHandover, listHandovers, listInbox } from "../../services/handover/read-handovers";
import { runHandoverCommand } from "../../services/handover/run-handover-command";
import { authedProcedure, router } from "../../trpc";
import {
  ZAssigneesRequest,
  ZAssigneesResponse,
  ZGetHandoverRequest,
  ZHandoverFormOptionsResponse,
  ZInboxRequest,
  ZInboxResponse,
  ZListHandoversRequest,
  ZListHandoversResponse,
} from "./queries.types";
import { ZHandoverDetail } from "./shared.types";
import {
  ZAcceptHandoverRequest,
  ZAssignHandoverRequest,
  ZCompleteHandoverRequest,
  ZCreateHandoverRequest,
  ZDeclineHandoverRequest,
  ZHandoverMutationResponse,
  ZOfferHandoverRequest,
  ZReturnHandoverRequest,
  ZStartHandoverRequest,
  ZUpdateHandoverRequest,
  ZWithdrawHandoverRequest,
} from "./transitions.types";

const mutation = authedProcedure.output(ZHandoverMutationResponse);

/**
 * The overdracht procedures (names fixed by DESIGN.md section 5). Every change goes through
 * `runHandoverCommand`: one function, one transaction, for browser, API and scheduled jobs alike.
 */
export const handoverRouter = router({
  create: mutation
    .input(ZCreateHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "create", ...input } })),
  update: mutation
    .input(ZUpdateHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "update", ...input } })),
  offer: mutation
    .input(ZOfferHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "offer", ...input } })),
  withdraw: mutation
    .input(ZWithdrawHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "withdraw", ...input } })),
  accept: mutation
    .input(ZAcceptHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "accept", ...input } })),
  decline: mutation
    .input(ZDeclineHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "decline", ...input } })),
  assign: mutation
    .input(ZAssignHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "assign", ...input } })),
  start: mutation
    .input(ZStartHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "start", ...input } })),
  complete: mutation
    .input(ZCompleteHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "complete", ...input } })),
  returnToVt: mutation
    .input(ZReturnHandoverRequest)
    .mutation(({ ctx, input }) => runHandoverCommand({ ctx, command: { kind: "return", ...input } })),
  inbox: authedProcedure
    .input(ZInboxRequest.optional())
    .output(ZInboxResponse)
    .query(({ ctx, input }) => listInbox({ ctx, page: input ?? { limit: 50 } })),
  list: authedProcedure
    .input(ZListHandoversRequest.optional())
    .output(ZListHandoversResponse)
    .query(({ ctx, input }) => listHandovers({ ctx, filters: input ?? { limit: 50 } })),
  get: authedProcedure
    .input(ZGetHandoverRequest)
    .output(ZHandoverDetail)
    .query(({ ctx, input }) => getHandover({ ctx, id: input.id })),
  formOptions: authedProcedure
    .input(z.void())
    .output(ZHandoverFormOptionsResponse)
    .query(({ ctx }) => handoverFormOptions({ ctx })),
  assignees: authedProcedure
    .input(ZAssigneesRequest)
    .output(ZAssigneesResponse)
    .query(({ ctx, input }) => listAssignees({ ctx, handoverId: input.id })),
});
