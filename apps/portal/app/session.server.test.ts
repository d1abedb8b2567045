import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { callApi } from "./api-errors.server";
import { getOptionalUser, requireAnonymous, requireRole, requireUser } from "./session.server";

type Me = Awaited<ReturnType<AppLoadContext["api"]["me"]>>;

const person: Me = {
  kind: "user",
  user: { id: "00000000-0000-4000-8000-000000000001", email: "jan@vt.example", name: "Jan de Vries" },
  serviceAccount: null,
  organisation: { id: "00000000-0000-4000-8000-000000000002", slug: "vt", name: "Veilig Thuis", kind: "vt" },
  team: null,
  roles: ["vt_worker"],
};

const partnerSystem: Me = {
  ...person,
  kind: "service_account",
  user: null,
  serviceAccount: { id: "00000000-0000-4000-8000-000000000003", name: "Wijkteam-systeem" },
};

function contextWith(me: () => Promise<Me>, secondStep: "none" | "verify" | "enrol" = "none"): AppLoadContext {
  const status = vi.fn(async () => ({ step: secondStep, enrolled: secondStep === "verify", verified: false }));
  return { requestId: "req-1", api: { me: vi.fn(me), auth: { mfa: { status } } } } as unknown as AppLoadContext;
}

const loggedOut = () => Promise.reject(new TRPCError({ code: "UNAUTHORIZED" }));

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    // Remix's data() throws a DataWithResponseInit; normalise it to status only.
    if (thrown && typeof thrown === "object" && "init" in thrown) {
      const init = (thrown as { init: ResponseInit | null }).init;
      return new Response(null, { status: init?.status ?? 200 });
    }
    throw thrown;
  }
  throw new Error("expected a thrown response");
}

describe("requireUser", () => {
  it("returns the logged-in person", async () => {
    const context = contextWith(async () => person);
    await expect(requireUser({ context, request: new Request("http://localhost/") })).resolves.toEqual(person);
  });

  it("sends someone without a session to the login page, remembering where they were", async () => {
    const context = contextWith(loggedOut);
    const response = await thrownBy(
      requireUser({ context, request: new Request("http://localhost/overdrachten?status=open") }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Foverdrachten%3Fstatus%3Dopen");
  });

  it("does not carry the start page along", async () => {
    const response = await thrownBy(
      requireUser({ context: contextWith(loggedOut), request: new Request("http://localhost/") }),
    );
    expect(response.headers.get("location")).toBe("/inloggen");
  });

  it("sends a session that waits for its second step to that step first", async () => {
    const verify = await thrownBy(
      requireUser({ context: contextWith(loggedOut, "verify"), request: new Request("http://localhost/meldingen") }),
    );
    expect(verify.headers.get("location")).toBe("/inloggen/code?redirectTo=%2Fmeldingen");
    const enrol = await thrownBy(
      requireUser({ context: contextWith(loggedOut, "enrol"), request: new Request("http://localhost/") }),
    );
    expect(enrol.headers.get("location")).toBe("/inloggen/tweestapsverificatie");
  });

  it("refuses a partner system's token with 403", async () => {
    const response = await thrownBy(
      requireUser({ context: contextWith(async () => partnerSystem), request: new Request("http://localhost/") }),
    );
    expect(response.status).toBe(403);
  });

  it("lets other API failures through as errors", async () => {
    const context = contextWith(() => Promise.reject(new TRPCError({ code: "INTERNAL_SERVER_ERROR" })));
    await expect(requireUser({ context, request: new Request("http://localhost/") })).rejects.toBeInstanceOf(TRPCError);
  });

  it("asks the API once per request, however many loaders ask", async () => {
    const context = contextWith(async () => person);
    const request = new Request("http://localhost/");
    await Promise.all([
      requireUser({ context, request }),
      getOptionalUser({ context }),
      requireUser({ context, request }),
    ]);
    expect(context.api.me).toHaveBeenCalledTimes(1);
  });
});

describe("getOptionalUser", () => {
  it("is null without a session and for partner systems", async () => {
    await expect(getOptionalUser({ context: contextWith(loggedOut) })).resolves.toBeNull();
    await expect(getOptionalUser({ context: contextWith(async () => partnerSystem) })).resolves.toBeNull();
  });
});

describe("requireRole", () => {
  it("admits a person with one of the roles and refuses others with 403", async () => {
    const request = new Request("http://localhost/beheer");
    await expect(requireRole({ context: contextWith(async () => person), request }, "vt_worker")).resolves.toEqual(
      person,
    );
    const response = await thrownBy(
      requireRole({ context: contextWith(async () => person), request }, "functional_admin"),
    );
    expect(response.status).toBe(403);
  });
});

describe("requireAnonymous", () => {
  it("lets someone without a session through", async () => {
    const context = contextWith(loggedOut);
    await expect(
      requireAnonymous({ context, request: new Request("http://localhost/inloggen") }),
    ).resolves.toBeUndefined();
  });

  it("sends a logged-in person on, to a safe place only", async () => {
    const to = async (query: string) =>
      (
        await thrownBy(
          requireAnonymous({
            context: contextWith(async () => person),
            request: new Request(`http://localhost/inloggen${query}`),
          }),
        )
      ).headers.get("location");
    expect(await to("")).toBe("/");
    expect(await to("?redirectTo=%2Foverdrachten")).toBe("/overdrachten");
    expect(await to("?redirectTo=%2F%2Fevil.example")).toBe("/");
  });
});

describe("callApi", () => {
  const request = new Request("http://localhost/overdrachten/1");
  const call = (error: TRPCError) =>
    thrownBy(callApi({ context: contextWith(async () => person), request }, () => Promise.reject(error)));

  it("maps UNAUTHORIZED to the login page, FORBIDDEN to 403 and NOT_FOUND to 404", async () => {
    const unauthorized = await call(new TRPCError({ code: "UNAUTHORIZED" }));
    expect(unauthorized.headers.get("location")).toBe("/inloggen?redirectTo=%2Foverdrachten%2F1");
    expect((await call(new TRPCError({ code: "FORBIDDEN" }))).status).toBe(403);
    expect((await call(new TRPCError({ code: "NOT_FOUND" }))).status).toBe(404);
  });

  it("returns the result", async () => {
    await expect(callApi({ context: contextWith(async () => person), request }, async () => 42)).resolves.toBe(42);
  });

  it("recognises an API error from another copy of @trpc/server by its shape", async () => {
    const foreign = Object.assign(new Error("nope"), { name: "TRPCError", code: "FORBIDDEN" });
    const response = await thrownBy(
      callApi({ context: contextWith(async () => person), request }, () => Promise.reject(foreign)),
    );
    expect(response.status).toBe(403);
  });
});
