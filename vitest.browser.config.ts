// `npm run test:browser`: the web console in Debian's Chromium (playwright-core) against the whole
// local stack. Kept out of `npm test` because a laptop may lack Chromium; .ci/run runs it.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "browser",
    environment: "node",
    include: ["test/browser/**/*.browser.test.ts"],
    // One journey, in order, in one browser.
    fileParallelism: false,
    // Each step needs the previous one: stop at the first failure.
    bail: 1,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
