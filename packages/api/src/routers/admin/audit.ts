import { resolveAuditFilters, searchAuditLog } from "../../services/admin/search-audit-log";
import { mfaProcedure, router } from "../../trpc";
import {
  ZAuditSearchRequest,
  ZAuditSearchResponse,
  ZResolveAuditFiltersRequest,
  ZResolveAuditFiltersResponse,
} from "./audit.types";

/**
 * The audit log for the functioneel beheerder (NEN 7513): only in a session that passed the second factor
 * (`mfaProcedure`), whatever MFA_REQUIRED says; every use is itself on record.
 */
export const auditRouter = router({
  search: mfaProcedure
    .input(ZAuditSearchRequest)
    .output(ZAuditSearchResponse)
    .query(({ ctx, input }) => searchAuditLog({ ctx, filters: input })),
  resolveFilters: mfaProcedure
    .input(ZResolveAuditFiltersRequest)
    .output(ZResolveAuditFiltersResponse)
    .query(({ ctx, input }) => resolveAuditFilters({ ctx, input })),
});
