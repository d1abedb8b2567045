/** A refusal the caller can show as is: the message is Dutch and says what to change. Nothing was written. */
export class DomainRefusal extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST",
    message: string,
  ) {
    super(message);
    this.name = "DomainRefusal";
  }
}
