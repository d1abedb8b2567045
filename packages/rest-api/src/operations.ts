import type { z } from "@hono/zod-openapi";
import type { ApiCaller } from "@ketenportaal/api";
import {
  AcceptBody,
  CompleteBody,
  DeclineBody,
  HandoverDetail,
  HandoverPage,
  IdParams,
  ListQuery,
  MutationResult,
  ReturnBody,
  StartBody,
} from "./schemas";

type Schema = z.ZodType;

/** One REST operation: its place and documentation, its input parts, and the procedure it calls. */
export type Operation = {
  method: "get" | "post";
  /** OpenAPI path below `/api/v1`, `{name}` for a parameter. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: { schema: Schema; description: string };
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
];
