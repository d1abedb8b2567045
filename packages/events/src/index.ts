export * from "./event-types";
export * from "./topics";
