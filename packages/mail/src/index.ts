export * from "./transport";
