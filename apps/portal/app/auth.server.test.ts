import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { logIn, logOut } from "./auth.server";

const expiresAt = new Date("2025-11-25T20:00:00Z");
const token = "t".repeat(43);

function contextWith(auth: { login?: () => Promise<unknown>; logout?: () => Promise<unknown> }): AppLoadContext {
  return {
    requestId: "req-1",
    api: {
      auth: {
        login: vi.fn(auth.login ?? (async () => ({ token, expiresAt }))),
        logout: vi.fn(auth.logout ?? (async () => ({ ok: true }))),
      },
    },
  } as unknown as AppLoadContext;
}

const credentials = { email: "jan@vt.example", password: "geheim", redirectTo: null };

describe("logIn", () => {
  it("sets the session cookie and goes to the start page", async () => {
    const context = contextWith({});
    const result = await logIn({ context, request: new Request("https://portaal.example/inloggen") }, credentials);
    if (!result.ok) throw new Error("expected success");
    expect(result.response.status).toBe(302);
    expect(result.response.headers.get("location")).toBe("/");
    const cookie = result.response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`kp_session=${token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(context.api.auth.login).toHaveBeenCalledWith({ email: "jan@vt.example", password: "geheim" });
  });

  it("leaves Secure off on plain-http localhost", async () => {
    const result = await logIn(
      { context: contextWith({}), request: new Request("http://localhost/inloggen") },
      credentials,
    );
    if (!result.ok) throw new Error("expected success");
    expect(result.response.headers.get("set-cookie")).not.toContain("Secure");
  });

  it("goes on to a safe redirectTo only", async () => {
    const request = new Request("http://localhost/inloggen");
    const go = async (redirectTo: unknown) => {
      const result = await logIn({ context: contextWith({}), request }, { ...credentials, redirectTo });
      return result.ok ? result.response.headers.get("location") : null;
    };
    expect(await go("/overdrachten")).toBe("/overdrachten");
    expect(await go("https://evil.example")).toBe("/");
  });

  it.each([
    ["UNAUTHORIZED", "invalid_credentials"],
    ["TOO_MANY_REQUESTS", "too_many_attempts"],
    ["BAD_REQUEST", "invalid_input"],
  ] as const)("reports %s as %s", async (code, refusal) => {
    const context = contextWith({ login: () => Promise.reject(new TRPCError({ code })) });
    await expect(logIn({ context, request: new Request("http://localhost/inloggen") }, credentials)).resolves.toEqual({
      ok: false,
      refusal,
    });
  });

  it("lets unexpected failures through", async () => {
    const context = contextWith({ login: () => Promise.reject(new Error("database down")) });
    await expect(logIn({ context, request: new Request("http://localhost/inloggen") }, credentials)).rejects.toThrow(
      "database down",
    );
  });
});

describe("logOut", () => {
  it("ends the session, clears the cookie and says so on the login page", async () => {
    const context = contextWith({});
    const response = await logOut({ context, request: new Request("https://portaal.example/uitloggen") });
    expect(context.api.auth.logout).toHaveBeenCalledOnce();
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?uitgelogd=1");
    expect(response.headers.get("set-cookie")).toMatch(/^kp_session=; .*Max-Age=0/);
  });

  it.each(["UNAUTHORIZED", "FORBIDDEN"] as const)("clears the cookie even when the API says %s", async (code) => {
    const context = contextWith({ logout: () => Promise.reject(new TRPCError({ code })) });
    const response = await logOut({ context, request: new Request("http://localhost/uitloggen") });
    expect(response.headers.get("set-cookie")).toContain("Max-Age=0");
  });

  it("lets unexpected failures through", async () => {
    const context = contextWith({ logout: () => Promise.reject(new Error("database down")) });
    await expect(logOut({ context, request: new Request("http://localhost/uitloggen") })).rejects.toThrow(
      "database down",
    );
  });
});
