import {
  enterWaitingList,
  leaveWaitingList,
  listWaitingList,
  recordChangeSignal,
  recordContactMoment,
} from "../../services/waiting-list/manage-waiting-list";
import { authedProcedure, router } from "../../trpc";
import {
  ZEnterWaitingListRequest,
  ZEnterWaitingListResponse,
  ZLeaveWaitingListRequest,
  ZListWaitingListRequest,
  ZListWaitingListResponse,
  ZRecordChangeSignalRequest,
  ZRecordChangeSignalResponse,
  ZRecordContactMomentRequest,
  ZRecordContactMomentResponse,
  ZWaitingListMutationResponse,
} from "./waiting-list.types";

/** VT's wachtlijst (decision 017): cases waiting for a service, their contact moments and change signals. */
export const waitingListRouter = router({
  list: authedProcedure
    .input(ZListWaitingListRequest.optional())
    .output(ZListWaitingListResponse)
    .query(({ ctx, input }) => listWaitingList({ ctx, filters: input ?? {} })),
  enter: authedProcedure
    .input(ZEnterWaitingListRequest)
    .output(ZEnterWaitingListResponse)
    .mutation(({ ctx, input }) => enterWaitingList({ ctx, input })),
  leave: authedProcedure
    .input(ZLeaveWaitingListRequest)
    .output(ZWaitingListMutationResponse)
    .mutation(({ ctx, input }) => leaveWaitingList({ ctx, input })),
  recordContact: authedProcedure
    .input(ZRecordContactMomentRequest)
    .output(ZRecordContactMomentResponse)
    .mutation(({ ctx, input }) => recordContactMoment({ ctx, input })),
  recordChangeSignal: authedProcedure
    .input(ZRecordChangeSignalRequest)
    .output(ZRecordChangeSignalResponse)
    .mutation(({ ctx, input }) => recordChangeSignal({ ctx, input })),
});
