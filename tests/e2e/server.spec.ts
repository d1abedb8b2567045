import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerHandle, startServer } from "../support";

let server: ServerHandle;

beforeAll(async () => {
  server = await startServer({ env: { LOG_LEVEL: "info" } });
});
afterAll(async () => {
  await server?.stop();
});

function expectNoStack(text: string) {
  expect(text).not.toMatch(/"stack"|at .*\.(ts|js):\d+|node_modules/);
}

describe("the running server", () => {
  it("answers /healthz and /metrics", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{route="\/healthz",method="GET",status="200"\}/);
    expect(metrics).toContain("nodejs_heap_size_used_bytes");
  });

  it("serves built assets with long cache headers", async () => {
    const html = await (await fetch(`${server.url}/inloggen`)).text();
    const asset = /\/assets\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(`${server.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers bad input with a short 4xx, never a 500 or a stack trace", async () => {
    const cases: [string, RequestInit, number][] = [
      ["/trpc/auth.login", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" }, 400],
      ["/trpc/auth.login", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }, 400],
      ["/trpc/does.not.exist", { method: "GET" }, 404],
      ["/trpc/auth.login", { method: "GET" }, 405],
      ["/trpc/me", { method: "GET", headers: { authorization: "Bearer not-a-valid-token-at-all" } }, 401],
      ["/trpc/me", { method: "GET", headers: { cookie: "kp_session=garbage" } }, 401],
      [
        "/inloggen",
        // Same origin, so the CSRF check lets it through to the form parser (a cross-site POST is a 403).
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
          body: "%%%",
        },
        400,
      ],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.text();
      expect(`${init.method} ${path} → ${response.status}`).toBe(`${init.method} ${path} → ${status}`);
      expectNoStack(text);
    }
    // A body over the limit is refused from its declared length. The body is not sent: the server answers before
    // reading it and may close the connection, and a client still writing 2 MiB then fails with EPIPE (a flaky race).
    const oversized = await postDeclaredLength(`${server.url}/trpc/auth.login`, 2 * 1024 * 1024);
    expect(oversized.status).toBe(413);
    expectNoStack(oversized.text);
  });

  it("logs requests as JSON with a request id, and no password, cookie or token", async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "e2e-log-check-1" },
      body: JSON.stringify({ email: "beheer@vt-kennemerland.example", password: "ketenportaal-demo" }),
    });
    const { result } = (await login.json()) as { result: { data: { token: string } } };
    await fetch(`${server.url}/trpc/me?probe=1`, {
      headers: { cookie: `kp_session=${result.data.token}`, "x-request-id": "e2e-log-check-2" },
    });
    await expect.poll(() => server.logs()).toContain("e2e-log-check-2");
    const lines = server
      .logs()
      .split("\n")
      .filter((line) => line.includes("e2e-log-check"));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({ msg: "request" });
      expect(entry.path).not.toContain("?");
    }
    const logs = server.logs();
    expect(logs).not.toContain(result.data.token);
    expect(logs).not.toContain("ketenportaal-demo");
    expect(logs).not.toContain("kp_session");
  });
});

/** Sends a POST's headers with a Content-Length but no body, and resolves with the answer. */
function postDeclaredLength(url: string, length: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": String(length) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, text });
        });
      },
    );
    request.on("error", reject);
    request.flushHeaders();
  });
}
