export * from "./accounts/account-rules";
