import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CloudEvent, HTTP } from "cloudevents";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { type ArrivedHandover, fetchHandover } from "./partner-consumer";

/** A delivery is one CloudEvent without personal data: far below this. */
const MAX_BODY_BYTES = 256 * 1024;

export type WebhookConsumer = {
  /** Where this consumer listens (the address of the server it started). */
  url: string;
  /** The abonnement this consumer registered on start, or null when it was given a secret. */
  subscriptionId: string | null;
  /** Stops listening; ends the abonnement it registered itself (DELETE /api/v1/abonnementen/{id}). */
  stop: () => Promise<void>;
};

/**
 * A partner system's webhook receiver, as a partner developer would write it with public libraries only:
 * - answers the validation handshake: an OPTIONS with `WebHook-Request-Origin` gets that origin back in
 *   `WebHook-Allowed-Origin` (CloudEvents webhook abuse protection);
 * - refuses every POST whose Standard Webhooks signature (`webhook-id`, `webhook-timestamp`, `webhook-signature`,
 *   HMAC-SHA256 with the abonnement's `whsec_` secret) does not verify over the raw body: 401, nothing recorded;
 * - reads the body as a CloudEvent in structured mode and skips ids it has seen (delivery is at least once);
 * - fetches a handover event's `dataref` (`/api/v1/overdrachten/{id}`) with its token — only ever on the configured
 *   API host — and records it as the Kafka mode does, before answering 2xx: the portal sends the next event of the
 *   abonnement only after that, so they arrive in order. A failed fetch answers 503, and the portal tries again.
 *
 * Without `signingSecret` it registers itself first (POST /api/v1/abonnementen, with `callbackUrl`), once it is
 * listening, since the portal checks the callback with the handshake before it stores anything.
 */
export async function startWebhookConsumer(options: {
  apiUrl: string;
  token: string;
  host?: string;
  port?: number;
  path?: string;
  /** The callback URL as the Ketenportaal reaches this consumer; default: the address it listens on. */
  publicUrl?: string;
  signingSecret?: string;
  contactEmail?: string;
  eventTypes?: string[];
  onHandover: (arrived: ArrivedHandover) => void | Promise<void>;
}): Promise<WebhookConsumer> {
  const path = options.path ?? "/ketenportaal/webhook";
  const seen = new Set<string>();
  let verifier = options.signingSecret ? new Webhook(options.signingSecret) : null;

  const receive = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    if (body === null) return answer(response, 413, "Te groot.");
    if (!verifier) return answer(response, 503, "Nog niet geregistreerd.");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers[name] = value;
    try {
      verifier.verify(body, headers);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return answer(response, 401, "Ongeldige handtekening.");
      throw error;
    }
    const event = HTTP.toEvent({ headers, body }) as CloudEvent<unknown>;
    if (seen.has(event.id)) return answer(response, 204);
    if (String(event.type).startsWith("nl.ketenportaal.handover.")) {
      let details: unknown;
      try {
        details = await fetchHandover({
          apiUrl: options.apiUrl,
          token: options.token,
          dataref: typeof event.dataref === "string" ? event.dataref : `/api/v1/overdrachten/${String(event.subject)}`,
        });
      } catch {
        return answer(response, 503, "Details ophalen mislukt; probeer later opnieuw.");
      }
      await options.onHandover({ event, details });
    }
    seen.add(event.id);
    answer(response, 204);
  };

  const server = createServer((request, response) => {
    if (new URL(request.url ?? "/", "http://receiver").pathname !== path) return answer(response, 404);
    if (request.method === "OPTIONS") {
      const origin = request.headers["webhook-request-origin"];
      if (typeof origin !== "string" || origin === "")
        return answer(response, 400, "WebHook-Request-Origin ontbreekt.");
      response.writeHead(200, { "WebHook-Allowed-Origin": origin, Allow: "OPTIONS, POST" }).end();
      return;
    }
    if (request.method !== "POST") {
      response.writeHead(405, { Allow: "OPTIONS, POST" }).end();
      return;
    }
    receive(request, response).catch(() => answer(response, 500));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${path}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));

  let subscriptionId: string | null = null;
  if (!verifier) {
    try {
      const registered = await registerSubscription({
        apiUrl: options.apiUrl,
        token: options.token,
        callbackUrl: options.publicUrl ?? url,
        contactEmail: options.contactEmail ?? "",
        ...(options.eventTypes?.length ? { eventTypes: options.eventTypes } : {}),
      });
      subscriptionId = registered.id;
      verifier = new Webhook(registered.signingSecret);
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    url,
    subscriptionId,
    stop: async () => {
      if (subscriptionId)
        await deleteSubscription({ apiUrl: options.apiUrl, token: options.token, id: subscriptionId });
      await close();
    },
  };
}

/** `POST /api/v1/abonnementen`: 201 with the abonnement and, this once, its signing secret. */
export async function registerSubscription(options: {
  apiUrl: string;
  token: string;
  callbackUrl: string;
  contactEmail: string;
  eventTypes?: string[];
}): Promise<{ id: string; signingSecret: string }> {
  const { apiUrl, token, ...body } = options;
  const response = await fetch(new URL("/api/v1/abonnementen", apiUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { detail: string }[] };
    const details = [problem.detail, ...(problem.errors ?? []).map((error) => error.detail)].filter(Boolean);
    throw new Error(`POST /api/v1/abonnementen answered ${response.status}: ${details.join(" ")}`);
  }
  return (await response.json()) as { id: string; signingSecret: string };
}

/** `DELETE /api/v1/abonnementen/{id}`: 204; a 404 means it was already gone. */
async function deleteSubscription(options: { apiUrl: string; token: string; id: string }): Promise<void> {
  const response = await fetch(new URL(`/api/v1/abonnementen/${options.id}`, options.apiUrl), {
    method: "DELETE",
    headers: { authorization: `Bearer ${options.token}` },
  });
  if (response.status !== 204 && response.status !== 404) {
    throw new Error(`DELETE /api/v1/abonnementen/${options.id} answered ${response.status}`);
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function answer(response: ServerResponse, status: number, detail?: string) {
  if (response.headersSent) return;
  if (!detail) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { "content-type": "application/problem+json" }).end(JSON.stringify({ status, detail }));
}
