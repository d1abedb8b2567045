export * from "./browser";
export * from "./database";
export * from "./env";
export * from "./free-port";
export * from "./kafka";
export * from "./server";
export * from "./smtp";
