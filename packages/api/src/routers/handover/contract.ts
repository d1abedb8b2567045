/**
 * The handover procedures' input and output schemas, for adapters that expose the same procedures in another
 * shape (the REST API of `@ketenportaal/rest-api`). One set of rules: an adapter reuses these, it never restates them.
 */
export { ZInboxRequest, ZListHandoversRequest } from "./queries.types";
export { ZHandoverDetail, ZHandoverStatus, ZHandoverSummary, ZId, ZLocalDate, ZVersion } from "./shared.types";
export {
  ZAcceptHandoverRequest,
  ZCompleteHandoverRequest,
  ZDeclineHandoverRequest,
  ZHandoverMutationResponse,
  ZReturnHandoverRequest,
  ZStartHandoverRequest,
} from "./transitions.types";
