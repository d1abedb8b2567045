import { describe, expect, it } from "vitest";
import { defaultOptions, runBench } from "./run-bench";

// Every benchmark once on the tiny size: they still run and each produces a number. Never a timing threshold —
// timings belong in docs/performance.md, not in CI.
describe("the benchmarks on the tiny size", () => {
  it("produce every figure, and the generated data is consistent", async () => {
    const lines: string[] = [];
    const result = await runBench({ ...defaultOptions("tiny"), log: (line) => lines.push(line) });
    expect(result.figures.map((figure) => figure.name)).toHaveLength(9);
    for (const figure of result.figures) {
      expect(Number.isFinite(figure.value), `${figure.name}: ${figure.value}`).toBe(true);
      if (figure.baseline) expect(figure.baseline.value, figure.name).toBeGreaterThan(0);
    }
    expect(result.generation[0]?.rowsPerSecond).toBeGreaterThan(0);
    expect(result.orphans).toEqual({});
  });
});
