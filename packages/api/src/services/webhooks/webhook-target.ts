import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Where webhook callbacks may point. Outside tests only public `https` addresses: a callback to loopback, a link-local
 * address (cloud metadata at 169.254.169.254) or a private network would let anyone who may register an abonnement
 * make our servers call into our own network (server-side request forgery).
 */
export type WebhookTargetPolicy = {
  /** `http` callbacks: the embedded demo only (and tests). */
  allowHttp: boolean;
  /** Loopback, private and link-local addresses: tests only (`WEBHOOK_ALLOW_PRIVATE_TARGETS=1`). */
  allowPrivateTargets: boolean;
};

export const strictTargetPolicy: WebhookTargetPolicy = { allowHttp: false, allowPrivateTargets: false };

export type TargetRefusalCode = "INVALID_URL" | "SCHEME_NOT_ALLOWED" | "PRIVATE_ADDRESS" | "UNRESOLVABLE";

/** A callback we will not call; the message is Dutch and says why. */
export class WebhookTargetRefused extends Error {
  constructor(
    readonly code: TargetRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "WebhookTargetRefused";
  }
}

/** Whether an address is an ordinary public unicast address; everything else (private, loopback, ...) is refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // `process` turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it stands for.
  return ipaddr.process(address).range() === "unicast";
}

/** The URL's form: https (or http where allowed), no user:password in it, a host name. */
export function parseCallbackUrl(raw: string, policy: WebhookTargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetRefused("INVALID_URL", "Dit is geen geldige URL.");
  }
  const schemes = policy.allowHttp ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) {
    throw new WebhookTargetRefused("SCHEME_NOT_ALLOWED", "De callback-URL moet met https:// beginnen.");
  }
  if (url.username || url.password) {
    throw new WebhookTargetRefused(
      "INVALID_URL",
      "Zet geen gebruikersnaam of wachtwoord in de URL; gebruik het veld voor de authorization-header.",
    );
  }
  if (!url.hostname) throw new WebhookTargetRefused("INVALID_URL", "De URL heeft geen hostnaam.");
  return url;
}

const privateRefusal = () =>
  new WebhookTargetRefused(
    "PRIVATE_ADDRESS",
    "De callback-URL wijst naar een intern, lokaal of privé-adres; alleen publieke adressen zijn toegestaan.",
  );

/**
 * A `lookup` for node's http(s) that refuses a host with any non-public address. It is what the connection itself
 * uses, so a name that resolves to a public address at registration and to 127.0.0.1 at delivery (DNS rebinding)
 * is still refused.
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const list = addresses ?? [];
      if (list.length === 0) return callback(new WebhookTargetRefused("UNRESOLVABLE", "Onbekende host."), "", 0);
      if (!policy.allowPrivateTargets && list.some((entry) => !isPublicAddress(entry.address))) {
        return callback(privateRefusal(), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const [first] = list;
      return callback(null, first?.address ?? "", first?.family ?? 4);
    });
  };
}

/** Checks a callback before it is stored: its form, and every address its host resolves to now. */
export async function checkCallbackTarget(raw: string, policy: WebhookTargetPolicy): Promise<URL> {
  const url = parseCallbackUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) {
    if (!policy.allowPrivateTargets && !isPublicAddress(host)) throw privateRefusal();
    return url;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new WebhookTargetRefused("UNRESOLVABLE", "De host van de callback-URL is niet te vinden.")),
      5000,
    );
    dnsLookup(host, { all: true }, (error, found) => {
      clearTimeout(timer);
      if (error || found.length === 0) {
        reject(new WebhookTargetRefused("UNRESOLVABLE", "De host van de callback-URL is niet te vinden."));
      } else resolve(found);
    });
  });
  if (!policy.allowPrivateTargets && addresses.some((entry) => !isPublicAddress(entry.address))) {
    throw privateRefusal();
  }
  return url;
}

export type TargetResponse = { status: number; headers: Record<string, string | string[] | undefined> };

/**
 * One HTTP request to a callback, through the guarded lookup, with a hard timeout, no redirects followed (a 3xx is
 * an answer, not an instruction to call somewhere else) and the response body read and thrown away (at most 64 KiB).
 */
export function requestTarget(options: {
  url: string;
  method: "OPTIONS" | "POST";
  headers: Record<string, string>;
  body?: string;
  policy: WebhookTargetPolicy;
  timeoutMs?: number;
}): Promise<TargetResponse> {
  const url = parseCallbackUrl(options.url, options.policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !options.policy.allowPrivateTargets && !isPublicAddress(host)) {
    return Promise.reject(privateRefusal());
  }
  const client = url.protocol === "https:" ? https : http;
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method,
        headers: { ...options.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        lookup: guardedLookup(options.policy),
        timeout: options.timeoutMs ?? 10_000,
        agent: false,
      },
      (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > 64 * 1024) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", reject);
    request.end(body);
  });
}

/** A network error as a short code for `last_error` and logs: never the receiver's text. */
export function describeTargetError(error: unknown): string {
  if (error instanceof WebhookTargetRefused) return `TARGET_${error.code}`;
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,32}$/.test(code) ? code : "ESEND";
}
