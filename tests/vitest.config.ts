import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "support",
          include: ["support/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "boundaries",
          include: ["boundaries/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.spec.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // fileParallelism is a global-only option in Vitest 3; one fork for the whole project runs the spec files one
          // after another (each still with fresh module state), so they never compete for the server, ports or CPU.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          // Runs after the support project when both are selected, never alongside it.
          sequence: { groupOrder: 1 },
          // Collects every URL the specs' browsers request and scans them all when the run ends.
          globalSetup: ["support/e2e-global-setup.ts"],
        },
      },
      {
        test: {
          // Each benchmark once on the tiny size (bench/): needs the built server, so it runs with the e2e specs.
          name: "bench",
          include: ["bench/**/*.smoke.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
