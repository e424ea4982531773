// Projects: `unit` runs pure code in Node; the others run one Worker each inside workerd
// (@cloudflare/vitest-pool-workers) against the real Postgres and Redis through the local shims.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// Integration tests check exact admission, not the deadline: on a loaded CI machine the local REST
// adapter can be slower than Upstash, so the limiter gets more time here than in production.
const TEST_LIMITER_TIMEOUT_MS = "15000";
// A fixed keyring for tests only (never used anywhere else).
const TEST_KEYRING = '{"primary":"test1","keys":{"test1":"ac5tJqPLtWsrEJ9j13LIf6CnKRDHl7KODqsoCVHrzFo="}}';
const GATEWAY_BINDINGS = { RATE_LIMIT_UNAVAILABLE_POLICY: "deny", RATE_LIMIT_TIMEOUT_MS: TEST_LIMITER_TIMEOUT_MS, TRACEO_ENCRYPTION_KEYS: TEST_KEYRING };

/** A project whose tests run inside workerd with `main` as the Worker, bound to the shared shims and database. */
function workerProject(opts: { name: string; main: string; configPath: string; include: string[]; bindings?: Record<string, string>; faultControl?: boolean }): TestProjectInlineConfiguration {
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: opts.main,
        wrangler: { configPath: opts.configPath },
        miniflare: { bindings: { ...inject("services"), ...inject("pgDump"), ...(opts.faultControl ? { FAULT_CONTROL_URL: inject("faultControl") } : {}), ...opts.bindings } },
      })),
    ],
    test: { name: opts.name, include: opts.include, testTimeout: 60_000, hookTimeout: 60_000 },
  };
}

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
          include: ["packages/**/src/**/*.test.ts", "functions/**/src/**/*.test.ts", "test/ci/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.workerd.test.ts"],
          testTimeout: 30_000,
        },
      },
      workerProject({
        name: "workers",
        main: "./functions/analyze/src/index.ts",
        configPath: "./wrangler.toml",
        include: ["test/integration/**/*.test.ts", "packages/**/src/**/*.workerd.test.ts"],
        bindings: GATEWAY_BINDINGS,
      }),
      // The reports Worker (search + usage).
      workerProject({
        name: "reports",
        main: "./functions/reports/src/index.ts",
        configPath: "./functions/reports/wrangler.toml",
        include: ["functions/reports/test/**/*.test.ts"],
        bindings: GATEWAY_BINDINGS,
      }),
      // The maintenance Worker's Cron handler.
      workerProject({
        name: "maintenance",
        main: "./functions/maintenance/src/index.ts",
        configPath: "./functions/maintenance/wrangler.toml",
        include: ["functions/maintenance/test/**/*.test.ts"],
      }),
      // The accounts Worker (functions/auth) as main; functions/keys tests call the keys app directly.
      // The JWT secret is a fixed test-only value, never used outside tests.
      workerProject({
        name: "accounts",
        main: "./functions/auth/src/index.ts",
        configPath: "./functions/auth/wrangler.toml",
        include: ["functions/auth/test/**/*.test.ts", "functions/keys/test/**/*.test.ts"],
        bindings: {
          RATE_LIMIT_UNAVAILABLE_POLICY: "deny",
          RATE_LIMIT_TIMEOUT_MS: TEST_LIMITER_TIMEOUT_MS,
          API_KEY_ENV: "test",
          AUTH_JWT_SECRET: "test-only-jwt-secret-0123456789abcdefghijklmnop",
          TRACEO_ENCRYPTION_KEYS: TEST_KEYRING,
        },
      }),
      // Faults, limits and hygiene across every function (test/faults): the auth Worker's config
      // (its WebAssembly rules) hosts all apps, called directly with per-test settings; relays and
      // private shims are driven through the Node-side fault control (test/support/fault-control.ts).
      workerProject({
        name: "faults",
        main: "./functions/auth/src/index.ts",
        configPath: "./functions/auth/wrangler.toml",
        include: ["test/faults/**/*.test.ts"],
        faultControl: true,
        bindings: {
          ...GATEWAY_BINDINGS,
          API_KEY_ENV: "test",
          AUTH_JWT_SECRET: "test-only-jwt-secret-0123456789abcdefghijklmnop",
        },
      }),
    ],
  },
});
