import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { logUnexpectedError } from "./log.server";

describe("logUnexpectedError", () => {
  it("hands the error to the server's logger with method and path, never the query string", () => {
    const error = vi.fn();
    const context = { requestId: "req-1", logger: { error } } as unknown as AppLoadContext;
    const failure = new Error("kapot");
    logUnexpectedError(failure, { request: new Request("http://localhost/overdrachten?zoek=x"), context });
    expect(error).toHaveBeenCalledWith({ err: failure, method: "GET", path: "/overdrachten" }, "portal error");
  });

  it("stays quiet about requests the browser aborted", () => {
    const error = vi.fn();
    const controller = new AbortController();
    controller.abort();
    const request = new Request("http://localhost/", { signal: controller.signal });
    logUnexpectedError(new Error("aborted"), { request, context: { logger: { error } } as unknown as AppLoadContext });
    expect(error).not.toHaveBeenCalled();
  });
});
