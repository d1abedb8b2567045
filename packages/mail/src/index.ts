export * from "./message-id";
export * from "./templates/handover-mail";
export * from "./transport";
