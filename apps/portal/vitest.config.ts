import { defineConfig } from "vitest/config";

// Deliberately without the Remix Vite plugin: unit tests need no route manifest and start faster without it.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts"],
    environment: "node",
  },
});
