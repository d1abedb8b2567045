export * from "./accounts/account-rules";
export * from "./handover/deadlines";
export * from "./handover/package-gate";
export * from "./handover/reasons";
export * from "./handover/status";
export * from "./handover/transitions";
export * from "./working-days";
