export * from "./templates/handover-mail";
export * from "./transport";
