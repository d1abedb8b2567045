import type { LocalDate } from "../working-days";

/**
 * The services of VT's continuity plan, in the plan's own order of priority (seed 000, "Het continuïteitsplan bevat
 * de volgende diensten": 1 crisisdienst … 4e monitoring). The order is data: lists, mails and events follow it.
 */
export const continuityServices = [
  "crisis_service",
  "sexual_violence_centre",
  "duty_desk",
  "safety_assessments",
  "handover",
  "urgent_investigation",
  "vv",
  "monitoring",
] as const;
export type ContinuityService = (typeof continuityServices)[number];

/** The Dutch names as the plan writes them, for the portal and the e-mail. */
export const continuityServiceNames: Record<ContinuityService, string> = {
  crisis_service: "Crisisdienst",
  sexual_violence_centre: "Centrum Seksueel Geweld",
  duty_desk: "Bureaudienst",
  safety_assessments: "Veiligheidsbeoordelingen",
  handover: "Overdracht",
  urgent_investigation: "(Spoed)onderzoek",
  vv: "Voorwaarden en Vervolg",
  monitoring: "Monitoring",
};

/** The chosen services once each, in the plan's order of priority. */
export function sortContinuityServices({ services }: { services: readonly ContinuityService[] }): ContinuityService[] {
  const chosen = new Set(services);
  return continuityServices.filter((service) => chosen.has(service));
}

/**
 * A declared period. `endedOn` is set when it was ended — early by a beheerder, or by the bridge once the expected
 * end has passed; from then on the plan cannot be changed.
 */
export type ContinuityPeriod = {
  startsOn: LocalDate;
  expectedEndOn: LocalDate;
  endedOn: LocalDate | null;
};

export type ContinuityPlanStatus = "planned" | "active" | "ended";

/** The last day the plan applies (inclusive); before `startsOn` when it was called off before it began. */
export function lastDayOfContinuityPlan({ plan }: { plan: ContinuityPeriod }): LocalDate {
  return plan.endedOn ?? plan.expectedEndOn;
}

/** Called off before its first day: it never applied, so it neither overlaps nor marks report figures. */
export function isCancelledContinuityPlan({ plan }: { plan: ContinuityPeriod }): boolean {
  return plan.endedOn !== null && plan.endedOn < plan.startsOn;
}

/** Planned until its first day, active from then until it is ended or its expected end day has passed. */
export function continuityPlanStatus({
  plan,
  today,
}: {
  plan: ContinuityPeriod;
  today: LocalDate;
}): ContinuityPlanStatus {
  if (plan.endedOn !== null || plan.expectedEndOn < today) return "ended";
  return plan.startsOn <= today ? "active" : "planned";
}

/** The expected end has passed without anyone ending it: the bridge ends it on that day. */
export function hasReachedExpectedEnd({ plan, today }: { plan: ContinuityPeriod; today: LocalDate }): boolean {
  return plan.endedOn === null && plan.expectedEndOn < today;
}

export type ContinuityPlanProblem = {
  field: "startsOn" | "expectedEndOn" | "services";
  message: string;
};

/**
 * Everything wrong with a new period, each with a Dutch message for its field: the end after the start, the start
 * not in the past, at least one service, and no overlap with another period that did not get called off.
 */
export function findContinuityPlanProblems(options: {
  startsOn: LocalDate;
  expectedEndOn: LocalDate;
  services: readonly ContinuityService[];
  today: LocalDate;
  existing: readonly ContinuityPeriod[];
}): ContinuityPlanProblem[] {
  const problems: ContinuityPlanProblem[] = [];
  if (options.startsOn < options.today) {
    problems.push({ field: "startsOn", message: "De startdatum mag niet in het verleden liggen." });
  }
  if (options.expectedEndOn <= options.startsOn) {
    problems.push({ field: "expectedEndOn", message: "De verwachte einddatum moet na de startdatum liggen." });
  }
  if (options.services.length === 0) {
    problems.push({ field: "services", message: "Kies ten minste één dienst die doorgaat." });
  }
  const overlapping = options.existing.find(
    (plan) =>
      !isCancelledContinuityPlan({ plan }) &&
      plan.startsOn <= options.expectedEndOn &&
      options.startsOn <= lastDayOfContinuityPlan({ plan }),
  );
  if (overlapping) {
    problems.push({
      field: "startsOn",
      message: `Deze periode overlapt met het continuïteitsplan van ${overlapping.startsOn} tot en met ${lastDayOfContinuityPlan({ plan: overlapping })}. Kies een periode die daar niet mee samenvalt.`,
    });
  }
  return problems;
}

export type ContinuityPlanEnd = { ok: true; endedOn: LocalDate } | { ok: false; code: "CONFLICT"; message: string };

/**
 * Ends a plan early, today: it applied up to and including today. A plan that has not begun is called off (its
 * period stays empty). A plan that has ended, by hand or because its expected end passed, cannot be changed.
 */
export function decideContinuityPlanEnd({
  plan,
  today,
}: {
  plan: ContinuityPeriod;
  today: LocalDate;
}): ContinuityPlanEnd {
  if (continuityPlanStatus({ plan, today }) === "ended") {
    return {
      ok: false,
      code: "CONFLICT",
      message: "Dit continuïteitsplan is al beëindigd en kan niet meer worden gewijzigd.",
    };
  }
  if (plan.startsOn > today) {
    // The day before the start: an empty period, so it overlaps nothing and marks no figures.
    const dayBefore = new Date(Date.parse(`${plan.startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return { ok: true, endedOn: dayBefore };
  }
  return { ok: true, endedOn: today };
}

/** The days of `[from, to]` that fall in a period, as one range per period (for reports that mark figures). */
export function clipContinuityPeriod({
  plan,
  from,
  to,
}: {
  plan: ContinuityPeriod;
  from: LocalDate;
  to: LocalDate;
}): { from: LocalDate; to: LocalDate } | null {
  if (isCancelledContinuityPlan({ plan })) return null;
  const start = plan.startsOn > from ? plan.startsOn : from;
  const last = lastDayOfContinuityPlan({ plan });
  const end = last < to ? last : to;
  return start <= end ? { from: start, to: end } : null;
}
