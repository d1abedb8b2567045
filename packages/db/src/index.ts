export * from "./client";
export { DataDirLockedError, lockDataDir } from "./data-dir-lock";
export { serializeErrorForLog } from "./log-safe-error";
export * from "./schema";
export * from "./with-request";
