// Fuzzed requests to every route of the analyze Worker, through its own fetch handler in workerd
// against the real Postgres and Redis: generated JSON bodies (right field names holding anything,
// arbitrary JSON, broken JSON, invalid UTF-8), random content types, raw messages. Whatever comes
// in: never a 5xx, every 4xx is problem+json with its status and a title, and a refused request
// stores no report. Fixed seed, bounded runs (each is a real request).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerProblems, describeBody, fieldSweep, jsonBodies, queryStrings, type FuzzBody } from "@traceo/fuzz/arbitraries/http.ts";
import { anyInput, rfc822Message } from "@traceo/fuzz/arbitraries/email.ts";
import { anyUrlInput } from "@traceo/fuzz/arbitraries/url.ts";
import { call, createKey, reportCount } from "../support/harness.ts";

const SEED = 20261204;
const RUNS = 40;
const created = await createKey({ tier: "enterprise" });

/** Sends one body and checks the answer and the stored report count; returns the status. */
async function send(path: string, b: FuzzBody): Promise<number> {
  const before = await reportCount(created.account_id);
  const headers: Record<string, string> = b.contentType === null ? {} : { "content-type": b.contentType };
  const res = await call(path, { method: "POST", key: created.key, headers, body: b.body });
  const status = res.status;
  const problems = await answerProblems(res);
  if (problems.length > 0) throw new Error(`${path} ${describeBody(b)}: ${problems.join("; ")}`);
  const stored = (await reportCount(created.account_id)) - before;
  if (stored !== (status === 200 ? 1 : 0)) throw new Error(`${path} answered ${status} and stored ${stored} reports: ${describeBody(b)}`);
  return status;
}

function fuzz(path: string, bodies: fc.Arbitrary<FuzzBody>, numRuns = RUNS) {
  return async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies, async (b) => {
        const status = await send(path, b);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
    // The generators reach the handler, not only the JSON reader: some requests get past validation.
    return statuses;
  };
}

describe("fuzzed requests to the analyze Worker", () => {
  it("each field of a valid body holding each poison value", async () => {
    for (const [path, valid] of [["/v1/analyze/url", { url: "http://paypa1-secure.top/login" }], ["/v1/analyze/url", { urls: ["http://a.example/"] }], ["/v1/analyze/email", { raw: "From: a@mail.example\r\n\r\nhi" }]] as const) {
      for (const b of fieldSweep(valid)) await send(path, b);
    }
  });

  it("POST /v1/analyze/url: JSON bodies of any shape", async () => {
    const statuses = await fuzz("/v1/analyze/url", jsonBodies(["url", "urls"], { url: "http://paypa1-secure.top/login" }))();
    // Refused at different stages: unreadable body, media type, field validation.
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it("POST /v1/analyze/url: well-formed JSON holding generated URLs", async () => {
    const urls = fc.oneof(anyUrlInput.map((url) => ({ url })), fc.array(anyUrlInput, { minLength: 1, maxLength: 5 }).map((urls) => ({ urls })));
    const statuses = await fuzz("/v1/analyze/url", urls.map((o) => ({ body: JSON.stringify(o), contentType: "application/json" })))();
    expect(statuses.get(200) ?? 0).toBeGreaterThan(5);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(5);
  });

  it("POST /v1/analyze/email: JSON bodies of any shape", async () => {
    const statuses = await fuzz("/v1/analyze/email", jsonBodies(["raw"], { raw: "From: a@mail.example\r\nSubject: hi\r\n\r\nhello" }))();
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it("POST /v1/analyze/email: raw messages and anything else as the body", async () => {
    const raw = fc.record({ body: fc.oneof(rfc822Message, anyInput), contentType: fc.constantFrom("message/rfc822", "text/plain", "text/plain; charset=utf-8", "message/rfc822; x=y") });
    const statuses = await fuzz("/v1/analyze/email", raw, 30)();
    expect(statuses.get(200) ?? 0).toBeGreaterThan(5);
  });

  it("GET /health and unknown paths: any query string", async () => {
    await fc.assert(
      fc.asyncProperty(queryStrings(["x"]), fc.constantFrom("/health", "/v1/analyze", "/v1/analyze/url/x", "/%00", "/v1/analyze/email"), async (q, path) => {
        const res = await call(`${path}?${q}`, { key: created.key });
        expect(await answerProblems(res)).toEqual([]);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});
