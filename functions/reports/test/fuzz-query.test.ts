// Fuzzed query strings to the reports Worker's GET routes (search and usage), in workerd against the
// real Postgres: the routes' parameter names holding anything (NUL, lone surrogates, huge, unicode,
// repeated), raw and percent-encoded. Never a 5xx, every 4xx is problem+json with its status and a
// title. Fixed seed, bounded runs.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { answerProblems, queryStrings } from "@traceo/fuzz/arbitraries/http.ts";
import { call, createKey } from "../../../test/support/harness.ts";
import { seedReports } from "./seed.ts";

const SEED = 20261204;
let key: string;

beforeAll(async () => {
  const created = await createKey({ name: "fuzz", tier: "enterprise" });
  key = created.key;
  await seedReports(created.account_id, [
    { subject: "Verify your PayPal account", sender: "paypa1-secure.com", body: "Log in at http://paypa1-secure.com/login now." },
    { subject: "Invoice", sender: "billing.example.net", body: "Your invoice is attached." },
  ]);
});

async function fuzzQueries(path: string, names: string[]): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(queryStrings(names), async (q) => {
      const res = await call(`${path}?${q}`, { key });
      const status = res.status;
      const problems = await answerProblems(res);
      if (problems.length > 0) throw new Error(`${path}?${q.slice(0, 300)}: ${problems.join("; ")}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
    { seed: SEED, numRuns: 50, endOnFailure: true },
  );
  return statuses;
}

describe("fuzzed queries to the reports Worker", () => {
  it("GET /v1/reports", async () => {
    const statuses = await fuzzQueries("/v1/reports", ["q", "verdict", "from", "to", "domain", "cursor", "limit"]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(5);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(5);
  });

  it("GET /v1/usage", async () => {
    const statuses = await fuzzQueries("/v1/usage", ["from", "to", "granularity", "key_id"]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(5);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(2);
  });
});
