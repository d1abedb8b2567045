import { z } from "@hono/zod-openapi";
import {
  ZAcceptHandoverRequest,
  ZCompleteHandoverRequest,
  ZDeclineHandoverRequest,
  ZHandoverDetail,
  ZHandoverMutationResponse,
  ZHandoverStatus,
  ZHandoverSummary,
  ZId,
  ZListHandoversRequest,
  ZLocalDate,
  ZReturnHandoverRequest,
  ZStartHandoverRequest,
} from "@ketenportaal/api/handover-contract";
import {
  webhookEventTypes,
  ZCreateWebhookSubscriptionRequest,
  ZCreateWebhookSubscriptionResponse,
  ZWebhookSubscription,
  ZWebhookSubscriptionStatus,
} from "@ketenportaal/api/webhook-contract";

/**
 * The REST representation of the handover procedures. Inputs are the procedures' own schemas (minus the `id`, which
 * is in the path); outputs are the procedures' output schemas with dates documented as what JSON carries: a calendar
 * date as `format: date`, an instant as `format: date-time` in UTC (`Z`). Nothing here restates a rule.
 */

/** A calendar date (Amsterdam), e.g. a deadline. (`clone()`: a schema made before `.openapi` was added to zod has no such method.) */
const LocalDate = ZLocalDate.clone().openapi({ format: "date", example: "2026-11-30" });

export const IdParams = z.object({
  id: ZId.clone().openapi({
    description: "Het id van de overdracht.",
    example: "4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b",
  }),
});

/** `GET /overdrachten`: the filters of `handover.list`, plus `inbox` for the partner's inbox (`handover.inbox`). */
export const ListQuery = ZListHandoversRequest.omit({ myRegions: true })
  .extend({
    inbox: z
      .boolean()
      .optional()
      .openapi({
        description:
          "`true`: alleen de overdrachten die aan uw organisatie zijn aangeboden en op acceptatie wachten, de kortste " +
          "acceptatietermijn eerst. Combineer niet met andere filters dan `cursor` en `limit`.",
      }),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!query.inbox) return;
    for (const key of ["status", "municipalityCode", "regionId", "teamId", "overdue"] as const) {
      if (query[key] !== undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: "Dit filter kan niet samen met inbox=true." });
      }
    }
  });
export type ListQuery = z.infer<typeof ListQuery>;

const Summary = ZHandoverSummary.extend({
  acceptanceDueOn: LocalDate.nullable(),
  firstContactDueOn: LocalDate.nullable(),
  currentDeadline: z
    .object({ kind: z.enum(["acceptance", "first_contact"]), dueOn: LocalDate, workingDaysLeft: z.number().int() })
    .nullable(),
});

export const HandoverSummary = Summary.openapi("OverdrachtSamenvatting");

export const HandoverPage = z
  .object({
    items: z.array(HandoverSummary),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Geef dit mee als `cursor` voor de volgende pagina; `null` op de laatste." }),
  })
  .openapi("OverdrachtenPagina");

export const HandoverDetail = ZHandoverDetail.extend({
  ...Summary.shape,
  case: ZHandoverDetail.shape.case.extend({ safetyAssessmentDueOn: LocalDate }),
  firstContactOn: LocalDate.nullable(),
}).openapi("Overdracht");

export const MutationResult = ZHandoverMutationResponse.extend({ status: ZHandoverStatus })
  .openapi({ description: "De nieuwe toestand; `version` is wat u bij de volgende actie meegeeft." })
  .openapi("OverdrachtToestand");

const versionDescription =
  "De `version` van de overdracht zoals u die het laatst las (uit de lijst of `GET /overdrachten/{id}`). " +
  "Is de overdracht intussen gewijzigd, dan volgt 409.";

export const AcceptBody = ZAcceptHandoverRequest.omit({ id: true })
  .openapi({ description: versionDescription })
  .openapi("Acceptatie");
export const DeclineBody = ZDeclineHandoverRequest.omit({ id: true }).openapi("Afwijzing");
export const StartBody = ZStartHandoverRequest.omit({ id: true })
  .extend({ firstContactOn: LocalDate.openapi({ description: "De dag van het eerste contact met het huishouden." }) })
  .openapi("EersteContact");
export const CompleteBody = ZCompleteHandoverRequest.omit({ id: true }).openapi("Afronding");
export const ReturnBody = ZReturnHandoverRequest.omit({ id: true }).openapi("Terugmelding");

/** Webhook abonnementen: the `webhook.subscriptions.*` procedures' own schemas, documented in Dutch. */
export const SubscriptionIdParams = z.object({
  id: ZId.clone().openapi({
    description: "Het id van het abonnement.",
    example: "7b2d4c1e-9f3a-4e5b-8c6d-1a2b3c4d5e6f",
  }),
});

const create = ZCreateWebhookSubscriptionRequest.shape;
export const CreateSubscriptionBody = z
  .object({
    organisationId: create.organisationId.clone().openapi({
      description:
        "Alleen voor een functioneel beheerder: de organisatie waarvoor het abonnement is. Een registratiesysteem " +
        "registreert altijd voor de eigen organisatie; laat het weg.",
    }),
    callbackUrl: create.callbackUrl.clone().openapi({
      description:
        "Waar wij de gebeurtenissen heen sturen (POST, `application/cloudevents+json`). Alleen `https` naar een " +
        "publiek adres, zonder gebruikersnaam of wachtwoord erin. Voor het registreren sturen wij een OPTIONS met " +
        "`WebHook-Request-Origin`; uw endpoint antwoordt 2xx met `WebHook-Allowed-Origin` gelijk daaraan (of `*`).",
      example: "https://registratie.wijkteam.example/ketenportaal/webhook",
    }),
    authorization: create.authorization.clone().openapi({
      description:
        "De waarde van de `Authorization`-header die wij bij elke aflevering (en de validatie) meesturen, zodat uw " +
        "endpoint ons herkent. Wordt nooit meer getoond.",
      example: "Bearer 3q2-voorbeeld-token",
    }),
    contactEmail: create.contactEmail.clone().openapi({
      description:
        "Het functionele mailadres dat bericht krijgt als het abonnement wordt opgeschort omdat afleveringen blijven " +
        "mislukken.",
      example: "koppelingen@wijkteam.example",
    }),
    eventTypes: create.eventTypes.clone().openapi({
      description: "Alleen deze soorten gebeurtenissen; weglaten of leeg: alle die aan uw organisatie gericht zijn.",
      example: ["nl.ketenportaal.handover.offered.v1"],
    }),
    municipalityCodes: create.municipalityCodes.clone().openapi({
      description: "Alleen gebeurtenissen over deze gemeenten (CBS-code); weglaten of leeg: alle gemeenten.",
      example: ["GM0392"],
    }),
    teamIds: create.teamIds.clone().openapi({
      description:
        "Alleen overdrachten aan deze teams van uw organisatie; weglaten of leeg: alle teams. Met een teamfilter " +
        "komen alleen overdrachtgebeurtenissen door (alleen die noemen een team).",
    }),
  })
  .strict()
  .openapi("NieuwAbonnement");

const subscriptionFields = {
  id: ZId.clone().openapi({ description: "Het id van het abonnement." }),
  organisation: ZWebhookSubscription.shape.organisation.clone().openapi({
    description: "De organisatie waarvoor het abonnement is.",
  }),
  callbackUrl: z.string().openapi({ description: "Waar de gebeurtenissen heen gaan." }),
  eventTypes: z.array(z.enum(webhookEventTypes)).openapi({ description: "Het filter op soort; leeg: alle." }),
  municipalityCodes: z.array(z.string()).openapi({ description: "Het filter op gemeente; leeg: alle." }),
  teamIds: z.array(ZId).openapi({ description: "Het filter op team; leeg: alle." }),
  status: ZWebhookSubscriptionStatus.clone().openapi({
    description: "`active`: wij leveren af; `suspended`: opgeschort na te veel mislukte afleveringen op rij.",
  }),
  activatedAt: z.date().nullable().openapi({ description: "Vanaf dit moment gaan nieuwe gebeurtenissen naar u." }),
  consecutiveFailures: z.number().int().openapi({ description: "Mislukte afleveringen op rij." }),
  lastFailureAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  deliveries: ZWebhookSubscription.shape.deliveries.clone().openapi({
    description: "Aantal afleveringen: wachtend, afgeleverd, en geparkeerd na het maximum aantal pogingen.",
  }),
};

export const Subscription = ZWebhookSubscription.extend(subscriptionFields)
  .openapi({ description: "Een webhook-abonnement. De meegestuurde credential en het geheim worden nooit getoond." })
  .openapi("Abonnement");

export const CreatedSubscription = ZCreateWebhookSubscriptionResponse.extend({
  ...subscriptionFields,
  signingSecret: z.string().openapi({
    description:
      "Eenmalig getoond: controleer hiermee de `webhook-signature` van elke aflevering (Standard Webhooks, " +
      "HMAC-SHA256 over `webhook-id.webhook-timestamp.body`). Bewaar het veilig.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).openapi("GeregistreerdAbonnement");

export const SubscriptionList = z.object({ items: z.array(Subscription) }).openapi("Abonnementen");

/** RFC 9457 problem details, as the API Design Rules want them: `status`, `title` and `detail` always. */
export const Problem = z
  .object({
    type: z.string().optional().openapi({ description: "Ontbreekt: `about:blank`." }),
    title: z.string().openapi({ example: "Conflict" }),
    status: z.number().int().openapi({ example: 409 }),
    detail: z.string().openapi({ example: "Deze overdracht is intussen gewijzigd." }),
    instance: z.string().optional(),
  })
  .openapi("Probleem");

export const InvalidInputProblem = z
  .object({
    type: z.string().optional(),
    title: z.string().openapi({ example: "Ongeldige invoer" }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          in: z.enum(["body", "query", "path"]),
          location: z.object({
            pointer: z
              .string()
              .optional()
              .openapi({ description: "JSON Pointer in de body (RFC 6901), bijv. `#/reasonCode`." }),
            name: z.string().optional().openapi({ description: "De naam van de query- of padparameter." }),
          }),
          code: z.string(),
          detail: z.string(),
        }),
      )
      .openapi({ description: "Alle fouten in de invoer tegelijk." }),
  })
  .openapi("OngeldigeInvoer");

export type Problem = z.infer<typeof Problem>;
export type InvalidInputProblem = z.infer<typeof InvalidInputProblem>;
