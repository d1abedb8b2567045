export * from "./cloudevent";
export * from "./continuity-plan-payloads";
export * from "./event-types";
export * from "./payloads";
export * from "./table-payloads";
export * from "./topics";
export * from "./vv-payloads";
export * from "./webhook";
