import { loadGemeenteReport, loadGemeenteReportTrend } from "../../services/report/load-gemeente-report";
import { saveReportBottleneck } from "../../services/report/save-report-bottleneck";
import { authedProcedure, router } from "../../trpc";
import {
  ZGemeenteReportRequest,
  ZGemeenteReportResponse,
  ZGemeenteReportTrendRequest,
  ZGemeenteReportTrendResponse,
  ZSaveReportBottleneckRequest,
  ZSaveReportBottleneckResponse,
} from "./report.types";

/**
 * Aggregated figures for VT and the gemeenten (issue 8). The service decides the scope from the caller's
 * organisation and role and logs every read; no procedure here returns a case.
 */
export const reportRouter = router({
  gemeente: authedProcedure
    .input(ZGemeenteReportRequest)
    .output(ZGemeenteReportResponse)
    .query(({ ctx, input }) => loadGemeenteReport({ ctx, input })),
  trend: authedProcedure
    .input(ZGemeenteReportTrendRequest)
    .output(ZGemeenteReportTrendResponse)
    .query(({ ctx, input }) => loadGemeenteReportTrend({ ctx, input })),
  saveBottleneck: authedProcedure
    .input(ZSaveReportBottleneckRequest)
    .output(ZSaveReportBottleneckResponse)
    .mutation(({ ctx, input }) => saveReportBottleneck({ ctx, input })),
});
