import { countPeriodDays, type ShownFigures, ZLocalDate } from "@ketenportaal/domain";
import { z } from "zod";

/** A report covers at most a year: longer periods are a question for the data team, not the portal. */
export const MAX_REPORT_DAYS = 366;

export const ZGemeenteReportRequest = z
  .object({
    /** Both absent: the last two-week period that has ended. */
    from: ZLocalDate.optional(),
    to: ZLocalDate.optional(),
  })
  .superRefine((period, issue) => {
    if ((period.from === undefined) !== (period.to === undefined)) {
      issue.addIssue({
        code: "custom",
        path: [period.from === undefined ? "from" : "to"],
        message: "Vul zowel de begin- als de einddatum in.",
      });
      return;
    }
    if (period.from && period.to) {
      if (period.to < period.from) {
        issue.addIssue({ code: "custom", path: ["to"], message: "De einddatum ligt voor de begindatum." });
      } else if (countPeriodDays({ from: period.from, to: period.to }) > MAX_REPORT_DAYS) {
        issue.addIssue({ code: "custom", path: ["to"], message: "Een rapportage beslaat hoogstens een jaar." });
      }
    }
  });

const ZShownCount = z.union([z.number().int().nonnegative(), z.literal("<5"), z.literal("x")]);

const ZShownFigures = z.object({
  meldingenReceived: ZShownCount,
  assessmentsFinished: ZShownCount,
  triagesOverdue: ZShownCount,
  investigationsFinished: ZShownCount,
  handoversOffered: ZShownCount,
  handoversAccepted: ZShownCount,
  handoversDeclined: ZShownCount,
  handoversReturned: ZShownCount,
  vvOpened: ZShownCount,
  vvClosed: ZShownCount,
  vvOpenAtEnd: ZShownCount,
  waitingAtEnd: ZShownCount,
  assessmentsInTimePercent: z.number().nullable(),
  investigationsInTimePercent: z.number().nullable(),
  medianAcceptanceWorkingDays: z.number().nullable(),
  medianFirstContactWorkingDays: z.number().nullable(),
  longestWaitWorkingDays: z.number().nullable(),
}) satisfies z.ZodType<ShownFigures>;

const ZReportRow = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("municipality"),
    code: z.string(),
    name: z.string(),
    regionId: z.string(),
    figures: ZShownFigures,
  }),
  z.object({
    kind: z.literal("region"),
    regionId: z.string(),
    name: z.string(),
    figures: ZShownFigures,
    declineReasons: z.array(z.object({ code: z.string(), count: ZShownCount })),
    waitingByPriority: z.array(z.object({ priority: z.string(), count: ZShownCount })),
  }),
]);

export const ZGemeenteReportResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** `all`: VT, every gemeente; `municipality`: a gemeente's own row and its region's. */
  scope: z.enum(["all", "municipality"]),
  norms: z.object({ assessmentsInTimePercent: z.number(), investigationsInTimePercent: z.number() }),
  rows: z.array(ZReportRow),
  /** What VT's teamcoördinatoren wrote about the regions shown, for the fortnights that overlap the period. */
  bottlenecks: z.array(
    z.object({
      id: z.string(),
      regionId: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      text: z.string(),
      writtenBy: z.string(),
      writtenAt: z.date(),
      version: z.number(),
    }),
  ),
  bottleneckPeriod: z.object({ from: z.string(), to: z.string() }),
  /** The days of the period that fell in a continuity plan, with the services that ran. */
  continuityPeriods: z.array(z.object({ from: z.string(), to: z.string(), services: z.array(z.string()) })),
});
export type GemeenteReportResponse = z.infer<typeof ZGemeenteReportResponse>;

export const ZGemeenteReportTrendRequest = z.object({
  /** The trend ends with the last two-week period that ended before this date; absent: today. */
  until: ZLocalDate.optional(),
  periods: z.number().int().min(2, "Kies minstens twee perioden.").max(26, "Kies hoogstens 26 perioden.").default(6),
});

export const ZGemeenteReportTrendResponse = z.object({
  scope: z.enum(["all", "municipality"]),
  periods: z.array(
    z.object({
      period: z.object({ from: z.string(), to: z.string() }),
      inContinuityPlan: z.boolean(),
      rows: z.array(ZReportRow),
    }),
  ),
});
export type GemeenteReportTrendResponse = z.infer<typeof ZGemeenteReportTrendResponse>;

export const ZSaveReportBottleneckRequest = z.object({
  regionId: z.uuid({ error: "Kies een regio." }),
  /** Any day of the two-week period the knelpunt is about. */
  date: ZLocalDate,
  text: z.string({ error: "Beschrijf het knelpunt." }).max(4000, "Houd het knelpunt korter dan 2000 tekens."),
  /** The version shown when changing an existing text; absent for a new one. */
  version: z.number().int().positive().optional(),
});

export const ZSaveReportBottleneckResponse = z.object({
  id: z.string(),
  version: z.number(),
  periodFrom: z.string(),
  periodTo: z.string(),
});
