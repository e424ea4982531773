import { describe, expect, it } from "vitest";
import type { Work } from "../inputs/work.ts";
import { FatalApiError, remoteAnalyzer, retryAfterSeconds } from "./remote.ts";

const email: Work = { seq: 0, kind: "email", raw: new TextEncoder().encode("Subject: x\n\nx\n"), size: 14, source: { file: "box.mbox", index: 3, offset: 99, url: null } };
const url: Work = { seq: 1, kind: "url", url: "http://paypa1-secure.top/login", size: 0, source: { file: null, index: null, offset: null, url: "http://paypa1-secure.top/login" } };
const REPORT = { id: "rep_1", created_at: "2026-12-03T00:00:00.000Z", kind: "email", verdict: "phishing", score: 97 };

const problem = (status: number, detail: string, headers: Record<string, string> = {}, extra: object = {}) =>
  new Response(JSON.stringify({ type: "about:blank", title: "t", status, detail, ...extra }), { status, headers: { "content-type": "application/problem+json", ...headers } });

/** A fake server answering from a script, recording what it was sent and how long the client slept. */
function scripted(answers: (() => Response)[]) {
  const sent: { url: string; init: RequestInit }[] = [];
  const slept: number[] = [];
  const waits: string[] = [];
  const analyze = remoteAnalyzer({
    base: "http://api.test/",
    key: "sk_test_abc",
    fetch: (async (u: string, init: RequestInit) => {
      sent.push({ url: u, init });
      const next = answers.shift();
      if (!next) throw new Error("no more answers");
      return next();
    }) as typeof fetch,
    sleep: async (ms) => void slept.push(ms),
    onWait: (s, status) => waits.push(`${status}:${s}`),
  });
  return { analyze, sent, slept, waits };
}

describe("remoteAnalyzer", () => {
  it("posts a message as message/rfc822 and a URL as JSON, with the key as a Bearer token", async () => {
    const s = scripted([() => Response.json(REPORT), () => Response.json({ ...REPORT, kind: "url" })]);
    expect(await s.analyze(email)).toEqual({ report: REPORT });
    await s.analyze(url);
    expect(s.sent.map((r) => r.url)).toEqual(["http://api.test/v1/analyze/email", "http://api.test/v1/analyze/url"]);
    expect(new Headers(s.sent[0]!.init.headers).get("content-type")).toBe("message/rfc822");
    expect(new Headers(s.sent[0]!.init.headers).get("authorization")).toBe("Bearer sk_test_abc");
    expect(s.sent[1]!.init.body).toBe(JSON.stringify({ url: url.url }));
  });

  it("does not send an empty message, and says so in the in-process scan's words", async () => {
    const s = scripted([]);
    const empty: Work = { ...email, raw: new Uint8Array(0), size: 0 };
    expect(await s.analyze(empty)).toEqual({ error: { status: 400, detail: "Message 3 of the mailbox is empty: there is no message to analyse." } });
    expect(s.sent).toEqual([]);
  });

  it("waits Retry-After on 429 and tries again", async () => {
    const s = scripted([() => problem(429, "slow down", { "retry-after": "3" }), () => problem(429, "slow down", { "retry-after": "1" }), () => Response.json(REPORT)]);
    expect(await s.analyze(email)).toEqual({ report: REPORT });
    expect(s.slept).toEqual([3000, 1000]);
    expect(s.waits).toEqual(["429:3", "429:1"]);
  });

  it("stops with a clear error when the limit is an hourly/daily one (Retry-After over a minute)", async () => {
    const s = scripted([() => problem(429, "Daily limit reached.", { "retry-after": "3600" })]);
    await expect(s.analyze(email)).rejects.toThrow(/rate limited \(429, Retry-After 3600 s\): Daily limit reached\. .*higher tier/);
  });

  it("retries 503 a few times, then stops and says so", async () => {
    const s = scripted(Array.from({ length: 4 }, () => () => problem(503, "Redis is down.", { "retry-after": "2" })));
    const err = await s.analyze(email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalApiError);
    expect((err as Error).message).toBe("the API failed with 503 on box.mbox message 3: Redis is down.");
    expect(s.slept).toEqual([2000, 2000, 2000]);
  });

  it("stops at once on a 500, a refused key, a wrong base URL or an unreachable server", async () => {
    await expect(scripted([() => problem(500, "boom")]).analyze(url)).rejects.toThrow("the API failed with 500 on http://paypa1-secure.top/login: boom");
    await expect(scripted([() => problem(401, "Unknown API key.")]).analyze(email)).rejects.toThrow(/refused the key \(401\): Unknown API key\. Pass a valid key/);
    await expect(scripted([() => problem(404, "Not found")]).analyze(email)).rejects.toThrow(/has no analyze endpoint \(404\)/);
    const offline = remoteAnalyzer({ base: "http://127.0.0.1:1", key: "k", fetch: (async () => { throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }); }) as typeof fetch });
    await expect(offline(email)).rejects.toThrow("cannot reach the API at http://127.0.0.1:1: ECONNREFUSED");
  });

  it("makes a per-message refusal that item's error, with the problem's field errors", async () => {
    const s = scripted([() => problem(422, "Some URLs are not usable strings.", {}, { errors: [{ path: "/url", message: "empty URL" }] }), () => problem(413, "The body must be at most 10485760 bytes.")]);
    expect(await s.analyze(url)).toEqual({ error: { status: 422, detail: "Some URLs are not usable strings. (/url: empty URL)" } });
    expect(await s.analyze(email)).toEqual({ error: { status: 413, detail: "The body must be at most 10485760 bytes." } });
  });
});

describe("retryAfterSeconds", () => {
  it("reads delay-seconds and HTTP dates; a missing or unreadable value means one second", () => {
    const now = Date.parse("2026-12-03T19:00:00Z");
    expect(retryAfterSeconds("12", now)).toBe(12);
    expect(retryAfterSeconds("Thu, 03 Dec 2026 19:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("Thu, 03 Dec 2026 18:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBe(1);
    expect(retryAfterSeconds("soon", now)).toBe(1);
  });
});
