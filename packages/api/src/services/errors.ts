/** A refusal the caller can show as is: the message is Dutch and says what to change. Nothing was written. */
export class DomainRefusal extends Error {
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly missingItems: unknown[] | undefined;

  constructor(
    readonly code: "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "FORBIDDEN" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS",
    message: string,
    extra: { fieldErrors?: Record<string, string[]>; missingItems?: unknown[] } = {},
  ) {
    super(message);
    this.name = "DomainRefusal";
    this.fieldErrors = extra.fieldErrors;
    this.missingItems = extra.missingItems;
  }
}
