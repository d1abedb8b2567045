import { describeTargetError, requestTarget, type WebhookTargetPolicy } from "./webhook-target";

export type HandshakeResult = { ok: true } | { ok: false; message: string };

/**
 * The CloudEvents webhook validation handshake (abuse protection), as the Notificaties API does it: an OPTIONS request
 * with `WebHook-Request-Origin: <our origin>`; the receiver agrees to get our deliveries by answering 2xx with
 * `WebHook-Allowed-Origin` naming that origin (or `*`). Anything else: no abonnement — so nobody can make us post to
 * an endpoint that did not ask for it.
 */
export async function performWebhookHandshake(options: {
  callbackUrl: string;
  origin: string;
  authorization?: string | null;
  policy: WebhookTargetPolicy;
  timeoutMs?: number;
}): Promise<HandshakeResult> {
  let response: Awaited<ReturnType<typeof requestTarget>>;
  try {
    response = await requestTarget({
      url: options.callbackUrl,
      method: "OPTIONS",
      headers: {
        "webhook-request-origin": options.origin,
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
      policy: options.policy,
      timeoutMs: options.timeoutMs ?? 5000,
    });
  } catch (error) {
    const code = describeTargetError(error);
    const message =
      error instanceof Error && code.startsWith("TARGET_")
        ? error.message
        : `De callback-URL is niet bereikbaar (${code}).`;
    return { ok: false, message };
  }
  if (response.status < 200 || response.status > 299) {
    return {
      ok: false,
      message: `De callback-URL antwoordde op de validatie (OPTIONS) met HTTP ${response.status}; verwacht is 200 met WebHook-Allowed-Origin.`,
    };
  }
  const allowed = response.headers["webhook-allowed-origin"];
  const values = (Array.isArray(allowed) ? allowed : [allowed ?? ""]).flatMap((value) =>
    value.split(",").map((part) => part.trim()),
  );
  if (!values.some((value) => value === "*" || value.toLowerCase() === options.origin.toLowerCase())) {
    return {
      ok: false,
      message: `De callback-URL bevestigde de validatie niet: het antwoord moet de header WebHook-Allowed-Origin: ${options.origin} (of *) bevatten.`,
    };
  }
  return { ok: true };
}
