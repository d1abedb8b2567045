import { decideAgendaItem } from "../../services/table/decide-item";
import { tableFormOptions } from "../../services/table/form-options";
import { addAgendaItem, closeMeeting, createMeeting, removeAgendaItem } from "../../services/table/manage-meetings";
import { getMeeting, getMinutes, listMeetings } from "../../services/table/read-meetings";
import { authedProcedure, router } from "../../trpc";
import {
  ZAddTableItemRequest,
  ZCloseTableRequest,
  ZCloseTableResponse,
  ZCreateTableRequest,
  ZDecideTableItemRequest,
  ZDecideTableItemResponse,
  ZGetTableRequest,
  ZListTablesRequest,
  ZListTablesResponse,
  ZRemoveTableItemRequest,
  ZTableDetail,
  ZTableFormOptionsRequest,
  ZTableFormOptionsResponse,
  ZTableItemMutationResponse,
  ZTableMinutes,
  ZTableMutationResponse,
} from "./table.types";

/**
 * The overdrachtstafel procedures (names fixed by DESIGN.md section 5). A decision and its follow-up — a
 * handover through the handover transition function, a V&V trajectory, or the next meeting — are one transaction.
 */
export const tableRouter = router({
  create: authedProcedure
    .input(ZCreateTableRequest)
    .output(ZTableMutationResponse)
    .mutation(({ ctx, input }) => createMeeting({ ctx, input })),
  list: authedProcedure
    .input(ZListTablesRequest.optional())
    .output(ZListTablesResponse)
    .query(({ ctx, input }) => listMeetings({ ctx, filters: input ?? { pastLimit: 20 } })),
  get: authedProcedure
    .input(ZGetTableRequest)
    .output(ZTableDetail)
    .query(({ ctx, input }) => getMeeting({ ctx, id: input.id })),
  addItem: authedProcedure
    .input(ZAddTableItemRequest)
    .output(ZTableItemMutationResponse)
    .mutation(({ ctx, input }) => addAgendaItem({ ctx, input })),
  removeItem: authedProcedure
    .input(ZRemoveTableItemRequest)
    .output(ZTableItemMutationResponse)
    .mutation(({ ctx, input }) => removeAgendaItem({ ctx, input })),
  decide: authedProcedure
    .input(ZDecideTableItemRequest)
    .output(ZDecideTableItemResponse)
    .mutation(({ ctx, input }) => decideAgendaItem({ ctx, input })),
  close: authedProcedure
    .input(ZCloseTableRequest)
    .output(ZCloseTableResponse)
    .mutation(({ ctx, input }) => closeMeeting({ ctx, input })),
  minutes: authedProcedure
    .input(ZGetTableRequest)
    .output(ZTableMinutes)
    .query(({ ctx, input }) => getMinutes({ ctx, id: input.id })),
  formOptions: authedProcedure
    .input(ZTableFormOptionsRequest.optional())
    .output(ZTableFormOptionsResponse)
    .query(({ ctx, input }) => tableFormOptions({ ctx, meetingId: input?.meetingId })),
});
