export * from "./cloudevent";
export * from "./event-types";
export * from "./payloads";
export * from "./topics";
