/**
 * Small-count protection for the gemeente report (decision 014). A count of one to four households could point at a
 * family in a small gemeente, so it is shown as "<5". A count of zero is shown: it describes no household.
 *
 * A group is cells with a shown total (the gemeenten of a region and the region's figure; the decline reasons and
 * all declines). If exactly one cell of a group is hidden, the total minus the shown cells gives it away, so the
 * smallest other shown cell is hidden too ("x": hidden so that a small count cannot be worked out). The total itself
 * stays shown unless it is small.
 */
export const SMALL_COUNT_THRESHOLD = 5;

export const SMALL_COUNT = "<5" as const;
export const HIDDEN_COUNT = "x" as const;
export type ShownCount = number | typeof SMALL_COUNT | typeof HIDDEN_COUNT;

export function isSmallCount({ count }: { count: number }): boolean {
  return count > 0 && count < SMALL_COUNT_THRESHOLD;
}

export function showCount({ count }: { count: number }): ShownCount {
  return isSmallCount({ count }) ? SMALL_COUNT : count;
}

/** Protects one group; `cells` keeps its keys and order. */
export function protectCountGroup<K extends string>(options: {
  cells: ReadonlyMap<K, number>;
  total: number;
}): {
  cells: Map<K, ShownCount>;
  total: ShownCount;
} {
  const shown = new Map<K, ShownCount>();
  for (const [key, count] of options.cells) shown.set(key, showCount({ count }));
  const total = showCount({ count: options.total });
  const small = [...shown.values()].filter((value) => value === SMALL_COUNT).length;
  if (small === 1 && total !== SMALL_COUNT) {
    let smallest: { key: K; count: number } | null = null;
    for (const [key, count] of options.cells) {
      if (shown.get(key) === SMALL_COUNT) continue;
      if (!smallest || count < smallest.count) smallest = { key, count };
    }
    if (smallest) shown.set(smallest.key, HIDDEN_COUNT);
  }
  return { cells: shown, total };
}

/** A share against a norm, shown only over at least five cases (a share of fewer describes individual households). */
export function showShare(options: { part: number; whole: number }): number | null {
  if (options.whole < SMALL_COUNT_THRESHOLD) return null;
  return Math.round((options.part / options.whole) * 1000) / 10;
}

/** The median of a list of durations, shown only over at least five of them; halves are kept (2.5 working days). */
export function showMedian(options: { values: readonly number[] }): number | null {
  const { values } = options;
  if (values.length < SMALL_COUNT_THRESHOLD) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return median;
}
