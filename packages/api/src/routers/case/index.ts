import { createCase, getCase, listCases, revealBsn, updateCase } from "../../services/case/manage-cases";
import { authedProcedure, router } from "../../trpc";
import {
  ZCaseDetail,
  ZCaseMutationResponse,
  ZCreateCaseRequest,
  ZGetCaseRequest,
  ZListCasesRequest,
  ZListCasesResponse,
  ZRevealBsnRequest,
  ZRevealBsnResponse,
  ZUpdateCaseRequest,
} from "./case.types";
import { meldingRouter, triageQueueRoute } from "./melding";

/** Cases and their involved persons: VT's own records, the basis of a handover package. */
export const caseRouter = router({
  create: authedProcedure
    .input(ZCreateCaseRequest)
    .output(ZCaseMutationResponse)
    .mutation(({ ctx, input }) => createCase({ ctx, input })),
  update: authedProcedure
    .input(ZUpdateCaseRequest)
    .output(ZCaseMutationResponse)
    .mutation(({ ctx, input }) => updateCase({ ctx, input })),
  get: authedProcedure
    .input(ZGetCaseRequest)
    .output(ZCaseDetail)
    .query(({ ctx, input }) => getCase({ ctx, id: input.id })),
  revealBsn: authedProcedure
    .input(ZRevealBsnRequest)
    .output(ZRevealBsnResponse)
    .mutation(({ ctx, input }) => revealBsn({ ctx, personId: input.personId })),
  list: authedProcedure
    .input(ZListCasesRequest.optional())
    .output(ZListCasesResponse)
    .query(({ ctx, input }) => listCases({ ctx, page: input ?? { limit: 50 } })),
  melding: meldingRouter,
  triageQueue: triageQueueRoute,
});
