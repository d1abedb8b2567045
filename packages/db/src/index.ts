export * from "./client";
export { DataDirLockedError, lockDataDir } from "./data-dir-lock";
export * from "./schema";
export * from "./with-request";
