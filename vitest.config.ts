// Two projects: `unit` runs pure code in Node; `workers` runs the functions inside workerd
// (@cloudflare/vitest-pool-workers) against the real Postgres and Redis through the local shims.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// A fixed keyring for tests only (never used anywhere else).
// Integration tests check exact admission, not the deadline: on a loaded CI machine the local REST
// adapter can be slower than Upstash, so the limiter gets more time here than in production.
const TEST_LIMITER_TIMEOUT_MS = "15000";
const TEST_KEYRING = '{"primary":"test1","keys":{"test1":"ac5tJqPLtWsrEJ9j13LIf6CnKRDHl7KODqsoCVHrzFo="}}';

export default defineConfig({
  test: {
    // Run once for all projects: the shims and the migrated test database are shared (each test
    // makes its own accounts). Per-project copies would load ioredis twice in one process, which fails.
    globalSetup: ["./test/global-setup.ts"],
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
            miniflare: { bindings: { ...inject("services"), RATE_LIMIT_UNAVAILABLE_POLICY: "deny", RATE_LIMIT_TIMEOUT_MS: TEST_LIMITER_TIMEOUT_MS, TRACEO_ENCRYPTION_KEYS: TEST_KEYRING } },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/integration/**/*.test.ts", "packages/**/src/**/*.workerd.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The reports Worker (search + usage), its own entry and wrangler config; same shims and database.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./functions/reports/src/index.ts",
            wrangler: { configPath: "./functions/reports/wrangler.toml" },
            miniflare: { bindings: { ...inject("services"), RATE_LIMIT_UNAVAILABLE_POLICY: "deny", RATE_LIMIT_TIMEOUT_MS: TEST_LIMITER_TIMEOUT_MS, TRACEO_ENCRYPTION_KEYS: TEST_KEYRING } },
          })),
        ],
        test: {
          name: "reports",
          include: ["functions/reports/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The maintenance Worker: its Cron handler inside workerd against the shared test database.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./functions/maintenance/src/index.ts",
            wrangler: { configPath: "./functions/maintenance/wrangler.toml" },
            miniflare: { bindings: { ...inject("services") } },
          })),
        ],
        test: {
          name: "maintenance",
          include: ["functions/maintenance/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The accounts Worker (functions/auth) as main; functions/keys tests call the keys app directly.
        // The JWT secret and keyring are fixed test-only values, never used outside tests.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./functions/auth/src/index.ts",
            wrangler: { configPath: "./functions/auth/wrangler.toml" },
            miniflare: {
              bindings: {
                ...inject("services"),
                RATE_LIMIT_UNAVAILABLE_POLICY: "deny",
                API_KEY_ENV: "test",
                AUTH_JWT_SECRET: "test-only-jwt-secret-0123456789abcdefghijklmnop",
                TRACEO_ENCRYPTION_KEYS: TEST_KEYRING,
              },
            },
          })),
        ],
        test: {
          name: "accounts",
          include: ["functions/auth/test/**/*.test.ts", "functions/keys/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
