import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performWebhookHandshake } from "./handshake";
import { checkCallbackTarget, isPublicAddress, parseCallbackUrl, requestTarget } from "./webhook-target";

const strict = { allowHttp: false, allowPrivateTargets: false };
const testing = { allowHttp: true, allowPrivateTargets: true };

describe("the SSRF guard", () => {
  it.each([
    ["93.184.215.14", true],
    ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", true],
    ["127.0.0.1", false],
    ["127.8.9.10", false],
    ["0.0.0.0", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.254", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd12:3456::1", false],
    ["fc00::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["not-an-address", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("wants https, no credentials in the URL, a host", () => {
    expect(parseCallbackUrl("https://partner.example/hook", strict).hostname).toBe("partner.example");
    expect(() => parseCallbackUrl("http://partner.example/hook", strict)).toThrow(/https/);
    expect(parseCallbackUrl("http://partner.example/hook", testing).protocol).toBe("http:");
    expect(() => parseCallbackUrl("ftp://partner.example/", testing)).toThrow(/https/);
    expect(() => parseCallbackUrl("https://user:pw@partner.example/", strict)).toThrow(/wachtwoord/);
    expect(() => parseCallbackUrl("geen url", strict)).toThrow(/geen geldige URL/);
  });

  it.each([
    "https://127.0.0.1/hook",
    "https://localhost/hook",
    "https://[::1]/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://10.0.0.8/",
    "https://192.168.0.10:8443/",
    "https://0.0.0.0/",
    "https://[::ffff:7f00:1]/",
  ])("refuses %s before anything is stored", async (url) => {
    await expect(checkCallbackTarget(url, strict)).rejects.toMatchObject({ code: "PRIVATE_ADDRESS" });
  });

  it("lets tests use loopback with the switch", async () => {
    await expect(checkCallbackTarget("http://127.0.0.1:9/hook", testing)).resolves.toBeInstanceOf(URL);
    await expect(checkCallbackTarget("http://localhost:9/hook", testing)).resolves.toBeInstanceOf(URL);
  });
});

describe("requests to a callback", () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      const origin = request.headers["webhook-request-origin"];
      if (request.url === "/echo") response.setHeader("WebHook-Allowed-Origin", String(origin));
      if (request.url === "/star") response.setHeader("WebHook-Allowed-Origin", "*");
      if (request.url === "/other") response.setHeader("WebHook-Allowed-Origin", "iemand-anders.example");
      if (request.url === "/redirect") {
        response.writeHead(302, { location: "http://127.0.0.1:9/elders", "WebHook-Allowed-Origin": "*" });
        return response.end();
      }
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses, at connection time, a host name that resolves to loopback (DNS rebinding)", async () => {
    const before = seen.length;
    await expect(
      requestTarget({
        url: `http://localhost:${port}/echo`,
        method: "POST",
        headers: {},
        body: "{}",
        policy: { allowHttp: true, allowPrivateTargets: false },
      }),
    ).rejects.toMatchObject({ code: "PRIVATE_ADDRESS" });
    expect(seen.length).toBe(before);
  });

  it("accepts a receiver that echoes the origin or answers *", async () => {
    for (const path of ["/echo", "/star"]) {
      const result = await performWebhookHandshake({
        callbackUrl: `http://127.0.0.1:${port}${path}`,
        origin: "ketenportaal.example",
        policy: testing,
      });
      expect(result).toEqual({ ok: true });
    }
    expect(seen).toContain("OPTIONS /echo");
  });

  it.each(["/silent", "/other", "/redirect"])("refuses a receiver that does not echo the origin (%s)", async (path) => {
    const result = await performWebhookHandshake({
      callbackUrl: `http://127.0.0.1:${port}${path}`,
      origin: "ketenportaal.example",
      policy: testing,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/WebHook-Allowed-Origin/);
  });

  it("says in Dutch when the receiver is not there", async () => {
    const result = await performWebhookHandshake({
      callbackUrl: "http://127.0.0.1:9/hook",
      origin: "ketenportaal.example",
      policy: testing,
      timeoutMs: 2000,
    });
    expect(result).toEqual({ ok: false, message: "De callback-URL is niet bereikbaar (ECONNREFUSED)." });
  });
});
