export * from "./message-id";
export * from "./templates/continuity-plan-mail";
export * from "./templates/handover-mail";
export * from "./templates/melder-feedback-mail";
export * from "./templates/table-mail";
export * from "./templates/vv-mail";
export * from "./templates/webhook-mail";
export * from "./transport";
