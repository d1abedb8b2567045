import type { z } from "@hono/zod-openapi";
import type { InvalidInputProblem, Problem } from "./schemas";

export const PROBLEM_JSON = "application/problem+json";

type InvalidParam = InvalidInputProblem["errors"][number];

/** The Dutch title of each status we answer with. */
const titles: Record<number, string> = {
  400: "Ongeldige invoer",
  401: "Niet geauthenticeerd",
  403: "Geen toegang",
  404: "Niet gevonden",
  405: "Methode niet toegestaan",
  409: "Conflict",
  413: "Verzoek te groot",
  415: "Mediatype niet ondersteund",
  429: "Te veel verzoeken",
  500: "Interne fout",
};

/**
 * The one mapping from the API's error codes (tRPC's, as the procedures and `DomainRefusal` raise them) to HTTP
 * statuses. The procedure decides what is refused; this only says how it looks over HTTP.
 */
export const statusOfErrorCode: Record<string, number> = {
  BAD_REQUEST: 400,
  PARSE_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 400,
  TOO_MANY_REQUESTS: 429,
};

export function problem(status: number, detail: string): Problem {
  return { title: titles[status] ?? "Fout", status, detail };
}

export function invalidInput(errors: InvalidParam[], detail = "De invoer is niet geldig."): InvalidInputProblem {
  return { title: titles[400] ?? "Ongeldige invoer", status: 400, detail, errors };
}

/** Zod issues of one part of the request, as ADR error entries (a JSON Pointer for the body, a name otherwise). */
export function issuesToErrors(where: InvalidParam["in"], issues: readonly z.core.$ZodIssue[]): InvalidParam[] {
  const errors: InvalidParam[] = [];
  for (const issue of issues) {
    // An unknown key is one error per key, so a client sees each name it sent wrongly.
    const paths =
      issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [[...issue.path]];
    for (const path of paths) {
      const location =
        where === "body"
          ? {
              pointer: `#${path.map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`,
            }
          : { name: String(path[0] ?? "") };
      const detail = issue.code === "unrecognized_keys" ? "Onbekende parameter." : issue.message;
      errors.push({ in: where, location, code: issue.code, detail });
    }
  }
  return errors;
}

/** Field errors as a `DomainRefusal` carries them (`{ "field.path": ["message"] }`), as body errors. */
export function fieldErrorsToErrors(fieldErrors: Record<string, string[]>): InvalidParam[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((message) => ({
      in: "body" as const,
      location: { pointer: field === "_" ? "#" : `#/${field.split(".").join("/")}` },
      code: "invalid",
      detail: message,
    })),
  );
}
