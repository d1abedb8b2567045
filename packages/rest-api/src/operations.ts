import type { z } from "@hono/zod-openapi";
import type { ApiCaller } from "@ketenportaal/api";
import {
  AcceptBody,
  CompleteBody,
  CreatedSubscription,
  CreateSubscriptionBody,
  DeclineBody,
  HandoverDetail,
  HandoverPage,
  IdParams,
  ListQuery,
  MutationResult,
  ReturnBody,
  StartBody,
  Subscription,
  SubscriptionIdParams,
  SubscriptionList,
} from "./schemas";

type Schema = z.ZodType;

/** The resources of the API, each a tag of the OpenAPI document. */
export const operationTags = {
  overdrachten: "Overdrachten van Veilig Thuis aan uw organisatie.",
  abonnementen:
    "Webhook-abonnementen: wij sturen de gebeurtenissen van uw organisatie (CloudEvents, NL GOV-profiel) naar uw " +
    "endpoint, ondertekend volgens Standard Webhooks.",
} as const;

/**
 * What a success looks like: 200 with the result as JSON; 201 (a resource made by POST) with the new resource and
 * its `Location`; 204 (a DELETE) with no body at all.
 */
export type OperationResponse =
  | { status?: 200; schema: Schema; description: string }
  | { status: 201; schema: Schema; description: string; location: (result: unknown) => string }
  | { status: 204; description: string };

/** One REST operation: its place and documentation, its input parts, and the procedure it calls. */
export type Operation = {
  method: "get" | "post" | "delete";
  /** OpenAPI path below `/api/v1`, `{name}` for a parameter. */
  path: string;
  tag: keyof typeof operationTags;
  operationId: string;
  summary: string;
  description: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: OperationResponse;
  /** Error statuses this operation can answer besides 400, 401 and 500 (which every operation can). */
  errors: number[];
  /** Send the resource's version as an ETag (reads of one resource). */
  etag?: boolean;
  /** The procedure call, with the validated parts of the request. */
  call: (api: ApiCaller, input: { params: { id: string }; query: unknown; body: unknown }) => Promise<unknown>;
};

const mutationResponse = { schema: MutationResult, description: "De actie is uitgevoerd; de nieuwe toestand." };
const transitionErrors = [403, 404, 409];

/**
 * The partner system's operations on handovers: everything a partner medewerker can do on one, each through the
 * tRPC procedure the portal uses (`handover.*`), so the same authorisation, rules and audit apply.
 */
export const operations: Operation[] = [
  {
    method: "get",
    path: "/overdrachten",
    tag: "overdrachten",
    operationId: "lijstOverdrachten",
    summary: "Overdrachten die aan uw organisatie gericht zijn",
    description:
      "De overdrachten die u mag zien, gefilterd; eerst wat over de termijn is, dan de laatst gewijzigde. Met " +
      "`inbox=true`: wat op uw acceptatie wacht, de kortste termijn eerst. Pagineren met `cursor` en `limit`.",
    query: ListQuery,
    response: { schema: HandoverPage, description: "Een pagina overdrachten." },
    errors: [403],
    call: (api, { query }) => {
      const { inbox, cursor, limit, ...filters } = query as ListQuery;
      const page = { limit: limit ?? 50, ...(cursor === undefined ? {} : { cursor }) };
      return inbox ? api.handover.inbox(page) : api.handover.list({ ...filters, ...page });
    },
  },
  {
    method: "get",
    path: "/overdrachten/{id}",
    tag: "overdrachten",
    operationId: "haalOverdrachtOp",
    summary: "Eén overdracht met het pakket",
    description:
      "De overdracht met casus, betrokkenen, zorgen, veiligheidsvoorwaarden, tijdlijn en de acties die u nu mag " +
      "doen (`allowedActions`). Het lezen wordt vastgelegd in het auditlog. De `ETag` is de `version`.",
    params: IdParams,
    response: { schema: HandoverDetail, description: "De overdracht." },
    errors: [403, 404],
    etag: true,
    call: (api, { params }) => api.handover.get({ id: params.id }),
  },
  {
    method: "post",
    path: "/overdrachten/{id}/acceptatie",
    tag: "overdrachten",
    operationId: "accepteerOverdracht",
    summary: "Overdracht accepteren",
    description: "Uw team neemt het huishouden over; de termijn voor het eerste contact gaat lopen.",
    params: IdParams,
    body: AcceptBody,
    response: mutationResponse,
    errors: transitionErrors,
    call: (api, { params, body }) => api.handover.accept({ ...(body as z.infer<typeof AcceptBody>), id: params.id }),
  },
  {
    method: "post",
    path: "/overdrachten/{id}/afwijzing",
    tag: "overdrachten",
    operationId: "wijsOverdrachtAf",
    summary: "Overdracht afwijzen met een reden",
    description: "De overdracht gaat terug naar Veilig Thuis, met een redencode en zo nodig een toelichting.",
    params: IdParams,
    body: DeclineBody,
    response: mutationResponse,
    errors: transitionErrors,
    call: (api, { params, body }) => api.handover.decline({ ...(body as z.infer<typeof DeclineBody>), id: params.id }),
  },
  {
    method: "post",
    path: "/overdrachten/{id}/eerste-contact",
    tag: "overdrachten",
    operationId: "registreerEersteContact",
    summary: "Eerste contact met het huishouden vastleggen",
    description: "Na acceptatie: de dag waarop uw team het huishouden voor het eerst sprak; de hulp is gestart.",
    params: IdParams,
    body: StartBody,
    response: mutationResponse,
    errors: transitionErrors,
    call: (api, { params, body }) => api.handover.start({ ...(body as z.infer<typeof StartBody>), id: params.id }),
  },
  {
    method: "post",
    path: "/overdrachten/{id}/afronding",
    tag: "overdrachten",
    operationId: "rondOverdrachtAf",
    summary: "Overdracht afronden met een uitkomst",
    description: "De overdracht is afgerond; de uitkomst gaat als terugkoppeling naar Veilig Thuis.",
    params: IdParams,
    body: CompleteBody,
    response: mutationResponse,
    errors: transitionErrors,
    call: (api, { params, body }) =>
      api.handover.complete({ ...(body as z.infer<typeof CompleteBody>), id: params.id }),
  },
  {
    method: "post",
    path: "/overdrachten/{id}/terugmelding",
    tag: "overdrachten",
    operationId: "meldOverdrachtTerug",
    summary: "Terugmelden aan Veilig Thuis",
    description:
      "Na acceptatie: de veiligheid is in het geding; Veilig Thuis neemt het weer op. Een toelichting is verplicht.",
    params: IdParams,
    body: ReturnBody,
    response: mutationResponse,
    errors: transitionErrors,
    call: (api, { params, body }) =>
      api.handover.returnToVt({ ...(body as z.infer<typeof ReturnBody>), id: params.id }),
  },

  ...subscriptionOperations(),
];

/**
 * Webhook abonnementen of the partner system's organisation, through the procedures the portal would use
 * (`webhook.subscriptions.*`): the same checks of the callback, the same handshake, the same audit.
 */
function subscriptionOperations(): Operation[] {
  return [
    {
      method: "get",
      path: "/abonnementen",
      tag: "abonnementen",
      operationId: "lijstAbonnementen",
      summary: "De webhook-abonnementen van uw organisatie",
      description: "Met per abonnement de status en de aantallen afleveringen. Nooit de credential of het geheim.",
      response: {
        schema: SubscriptionList,
        description: "De abonnementen, per organisatie op volgorde van registratie.",
      },
      errors: [403],
      call: (api) => api.webhook.subscriptions.list(),
    },
    {
      method: "post",
      path: "/abonnementen",
      tag: "abonnementen",
      operationId: "registreerAbonnement",
      summary: "Een webhook-abonnement registreren",
      description:
        "Eerst controleren wij de callback-URL (https, een publiek adres) en doen de validatie: een OPTIONS met " +
        "`WebHook-Request-Origin`, waarop uw endpoint 2xx antwoordt met `WebHook-Allowed-Origin`. Pas dan wordt het " +
        "abonnement vastgelegd en actief: gebeurtenissen vanaf nu die aan uw organisatie gericht zijn en door de " +
        "filters komen, sturen wij één voor één, op volgorde, met herhaalpogingen. Het antwoord bevat eenmalig het " +
        "`signingSecret`. Lukt de validatie niet, dan volgt 400 met de reden bij `callbackUrl`.",
      body: CreateSubscriptionBody,
      response: {
        status: 201,
        schema: CreatedSubscription,
        description: "Het abonnement is geregistreerd; `Location` wijst ernaar. Bewaar het `signingSecret`.",
        location: (result) => `/abonnementen/${(result as { id: string }).id}`,
      },
      errors: [403],
      call: (api, { body }) => api.webhook.subscriptions.create(body as z.infer<typeof CreateSubscriptionBody>),
    },
    {
      method: "get",
      path: "/abonnementen/{id}",
      tag: "abonnementen",
      operationId: "haalAbonnementOp",
      summary: "Eén webhook-abonnement",
      description: "Het abonnement met zijn filters, status en de aantallen afleveringen.",
      params: SubscriptionIdParams,
      response: { schema: Subscription, description: "Het abonnement." },
      errors: [403, 404],
      call: (api, { params }) => api.webhook.subscriptions.get({ id: params.id }),
    },
    {
      method: "delete",
      path: "/abonnementen/{id}",
      tag: "abonnementen",
      operationId: "verwijderAbonnement",
      summary: "Een webhook-abonnement beëindigen",
      description:
        "Vanaf nu gaan er geen nieuwe gebeurtenissen meer naar dit endpoint. Daarna is het abonnement voor u weg " +
        "(404); de geschiedenis van de afleveringen blijft voor de functioneel beheerder bewaard.",
      params: SubscriptionIdParams,
      response: { status: 204, description: "Het abonnement is beëindigd." },
      errors: [403, 404],
      call: (api, { params }) => api.webhook.subscriptions.delete({ id: params.id }),
    },
  ];
}
