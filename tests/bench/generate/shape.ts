/**
 * The national shape of the generated data: the numbers of organisations and gemeenten of the Netherlands, and how
 * handovers spread over them. Fictitious names and OINs; only the proportions are meant to be realistic.
 */
export const nationalShape = {
  vtOrganisations: 25,
  /** VT regions per VT organisation; each has a teamcoördinator as aanspreekpunt. */
  regionsPerVt: 3,
  gemeenten: 342,
  partnerOrganisations: 200,
  /** Partner teams: every gemeente has one, the biggest ones a second. */
  partnerTeams: 400,
  vtWorkersPerVt: 12,
  workersPerPartnerTeam: 3,
  /**
   * Handovers per gemeente follow Zipf's law over the gemeente's rank (weight 1/rank^s). s = 0.75 gives the biggest
   * gemeente ~7 % of all handovers and the 100th ~0.2 %, about how Amsterdam and a town of 25,000 compare.
   */
  zipfExponent: 0.75,
  /** Status mix of the stock of handovers (fractions, summing to 1): most are long closed. */
  statusMix: [
    ["draft", 0.02],
    ["offered", 0.02],
    ["accepted", 0.03],
    ["started", 0.1],
    ["completed", 0.7],
    ["declined", 0.06],
    ["withdrawn", 0.04],
    ["returned", 0.03],
  ] as const,
} as const;

export const benchSizes = { tiny: 600, "10k": 10_000, "100k": 100_000, "1m": 1_000_000, "2m": 2_000_000 } as const;
export type BenchSize = keyof typeof benchSizes;

/** Bearer token of an organisation's generated partner-system account: derived from its id, so never stored. */
export function benchServiceAccountToken(organisationId: string): string {
  return `bench_sa_${organisationId.replaceAll("-", "")}`;
}

/** Session cookie token of a generated person: derived from the user id. */
export function benchSessionToken(userId: string): string {
  return `bench_session_${userId.replaceAll("-", "")}`;
}
