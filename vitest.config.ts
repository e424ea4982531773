// Two projects: `unit` runs pure code in Node; `workers` runs the functions inside workerd
// (@cloudflare/vitest-pool-workers) against the real Postgres and Redis through the local shims.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["packages/**/src/**/*.test.ts", "functions/**/src/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.workerd.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./functions/analyze/src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { ...inject("services"), RATE_LIMIT_UNAVAILABLE_POLICY: "deny" } },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/integration/**/*.test.ts", "packages/**/src/**/*.workerd.test.ts"],
          globalSetup: ["./test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
