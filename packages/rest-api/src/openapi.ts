import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { type Operation, operations, operationTags } from "./operations";
import { PROBLEM_JSON } from "./problem";
import { InvalidInputProblem, Problem } from "./schemas";

/** The API's semantic version: `info.version` and the `API-Version` header of every response. See CHANGELOG.md. */
export const API_VERSION = "1.1.0";

/** Where the API lives below the server's public URL; the major version is in it (ADR `/core/uri-version`). */
export const API_BASE_PATH = "/api/v1";

/** The server URL the committed `openapi.json` names; a running server puts its own `PUBLIC_URL` in. */
export const DOCUMENT_PUBLIC_URL = "https://ketenportaal.example";

const versionHeader = {
  "API-Version": {
    description: "De volledige versie van de API (semver).",
    schema: { type: "string" as const, example: API_VERSION },
  },
};

const errorDescriptions: Record<number, string> = {
  400: "De invoer is niet geldig: alle fouten staan in `errors`.",
  401: "Geen of een ongeldig Bearer-token.",
  403: "Uw organisatie heeft geen toegang tot deze gegevens.",
  404: "Bestaat niet, of is niet aan uw organisatie gericht.",
  409: "De overdracht is intussen gewijzigd (verouderde `version`) of deze actie is in de huidige status niet mogelijk.",
  415: "De body moet `application/json` zijn.",
  500: "Er ging iets mis aan onze kant.",
};

function errorResponse(status: number) {
  return {
    description: errorDescriptions[status] ?? "Fout.",
    headers: versionHeader,
    content: { [PROBLEM_JSON]: { schema: status === 400 ? InvalidInputProblem : Problem } },
  };
}

/** The status of an operation's success: 200, 201 (created) or 204 (no content). */
export function successStatus(operation: Operation): 200 | 201 | 204 {
  return operation.response.status ?? 200;
}

/** The statuses an operation documents, in order: the success, then its errors. */
export function documentedStatuses(operation: Operation): number[] {
  const errors = new Set([400, 401, ...operation.errors, ...(operation.body ? [415] : []), 500]);
  return [successStatus(operation), ...[...errors].sort((a, b) => a - b)];
}

function successResponse(operation: Operation) {
  const { response } = operation;
  const headers: Record<string, object> = { ...versionHeader };
  if (operation.etag) {
    headers.ETag = {
      description: "De `version` van de overdracht, tussen aanhalingstekens.",
      schema: { type: "string" },
    };
  }
  if (response.status === 201) {
    headers.Location = {
      description: "Waar de nieuwe resource staat: een pad op deze server.",
      schema: { type: "string", example: "/api/v1/abonnementen/7b2d4c1e-9f3a-4e5b-8c6d-1a2b3c4d5e6f" },
    };
  }
  if (response.status === 204) return { description: response.description, headers };
  return { description: response.description, headers, content: { "application/json": { schema: response.schema } } };
}

function routeOf(operation: Operation) {
  const responses: Record<number, object> = { [successStatus(operation)]: successResponse(operation) };
  for (const status of documentedStatuses(operation).slice(1)) responses[status] = errorResponse(status);
  return createRoute({
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    security: [{ bearer: [] }],
    request: {
      ...(operation.params ? { params: operation.params as z.ZodObject } : {}),
      ...(operation.query ? { query: operation.query as z.ZodObject } : {}),
      ...(operation.body
        ? { body: { required: true, content: { "application/json": { schema: operation.body } } } }
        : {}),
    },
    responses,
  });
}

/** The OpenAPI 3.0 document of the API, built from the operations' own schemas (what is documented is enforced). */
export function buildOpenApiDocument(options: { publicUrl: string }) {
  const documentApp = new OpenAPIHono();
  const registry = documentApp.openAPIRegistry;
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "Het token van het service-account van uw organisatie (`npm run cli -- service-account create`), als " +
      "`Authorization: Bearer <token>`. Een sessiecookie geldt hier niet.",
  });
  registry.registerPath(
    createRoute({
      method: "get",
      path: "/openapi.json",
      operationId: "openapiDocument",
      summary: "Dit OpenAPI-document",
      description: "Leesbaar zonder authenticatie.",
      tags: ["openapi"],
      security: [],
      responses: {
        200: {
          description: "Het OpenAPI-document.",
          headers: {
            ...versionHeader,
            "Access-Control-Allow-Origin": {
              description: "Elke origin mag dit document lezen.",
              schema: { type: "string", example: "*" },
            },
          },
          content: {
            "application/json": {
              schema: z
                .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) })
                .openapi("OpenApiDocument"),
            },
          },
        },
        500: errorResponse(500),
      },
    }),
  );
  for (const operation of operations) registry.registerPath(routeOf(operation));
  return documentApp.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "Ketenportaal API voor ketenpartners",
      version: API_VERSION,
      description:
        "Voor de registratiesystemen van ketenpartners (sociaal wijkteams, CJG, jeugdbescherming): de overdrachten " +
        "van Veilig Thuis lezen, accepteren of afwijzen, het eerste contact en de afronding vastleggen, en " +
        "terugmelden. Dezelfde regels en rechten als in het portaal. Volgt de API Design Rules (Logius); " +
        "fouten zijn `application/problem+json` (RFC 9457). Gebeurtenissen (CloudEvents, NL GOV-profiel) " +
        "verwijzen met `dataref` naar `/overdrachten/{id}`; met een webhook-abonnement (`/abonnementen`) sturen " +
        "wij ze naar uw eigen endpoint.",
      contact: {
        name: "Functioneel beheer Ketenportaal, Veilig Thuis Kennemerland",
        email: "ketenportaal@vt-kennemerland.example",
        url: "https://ketenportaal.example/contact",
      },
    },
    servers: [{ url: `${options.publicUrl.replace(/\/$/, "")}${API_BASE_PATH}`, description: "Ketenportaal" }],
    tags: [
      ...Object.entries(operationTags).map(([name, description]) => ({ name, description })),
      { name: "openapi", description: "De beschrijving van deze API." },
    ],
  });
}
