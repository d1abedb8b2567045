import {
  completeAssessment,
  finishInvestigation,
  getMelding,
  recordMelderFeedback,
  recordMelding,
  startInvestigation,
} from "../../services/melding/manage-melding";
import { listTriageQueue } from "../../services/melding/triage-queue";
import { authedProcedure, router } from "../../trpc";
import {
  ZCompleteAssessmentRequest,
  ZGetMeldingRequest,
  ZInvestigationRequest,
  ZMelderFeedbackResponse,
  ZMeldingDetail,
  ZMeldingMutationResponse,
  ZRecordMelderFeedbackRequest,
  ZRecordMeldingRequest,
  ZTriageQueueRequest,
  ZTriageQueueResponse,
} from "./melding.types";

/** The melding, its veiligheidsbeoordeling (5 working days), the onderzoek (10 weeks) and the melder's feedback. */
export const meldingRouter = router({
  get: authedProcedure
    .input(ZGetMeldingRequest)
    .output(ZMeldingDetail)
    .query(({ ctx, input }) => getMelding({ ctx, id: input.id })),
  record: authedProcedure
    .input(ZRecordMeldingRequest)
    .output(ZMeldingMutationResponse)
    .mutation(({ ctx, input }) => recordMelding({ ctx, input })),
  completeAssessment: authedProcedure
    .input(ZCompleteAssessmentRequest)
    .output(ZMeldingMutationResponse)
    .mutation(({ ctx, input }) => completeAssessment({ ctx, input })),
  startInvestigation: authedProcedure
    .input(ZInvestigationRequest)
    .output(ZMeldingMutationResponse)
    .mutation(({ ctx, input }) => startInvestigation({ ctx, input })),
  finishInvestigation: authedProcedure
    .input(ZInvestigationRequest)
    .output(ZMeldingMutationResponse)
    .mutation(({ ctx, input }) => finishInvestigation({ ctx, input })),
  recordFeedback: authedProcedure
    .input(ZRecordMelderFeedbackRequest)
    .output(ZMelderFeedbackResponse)
    .mutation(({ ctx, input }) => recordMelderFeedback({ ctx, input })),
});

/** VT's triage queue: open assessments of its own organisation, overdue first. */
export const triageQueueRoute = authedProcedure
  .input(ZTriageQueueRequest.optional())
  .output(ZTriageQueueResponse)
  .query(({ ctx, input }) => listTriageQueue({ ctx, page: input ?? { limit: 50 } }));
