// Bad input never yields a 500: each gets a 4xx problem+json with a clear message, and nothing is stored.
import { describe, expect, it } from "vitest";
import { call, createKey, expectProblem, reportCount } from "../support/harness.ts";

const created = await createKey({ tier: "enterprise" });
const key = created.key;

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return call(path, { method: "POST", key, headers, body });
}

const json = { "content-type": "application/json" };
// A byte body gets no default Content-Type (a string body would become text/plain).
const bytes = (text: string) => new TextEncoder().encode(text);
const garbage = crypto.getRandomValues(new Uint8Array(4096));

const cases: [string, () => Promise<Response>, number][] = [
  ["email: empty raw body", () => post("/v1/analyze/email", "", { "content-type": "message/rfc822" }), 400],
  ["email: empty JSON body", () => post("/v1/analyze/email", "", json), 400],
  ["email: binary garbage", () => post("/v1/analyze/email", garbage, { "content-type": "message/rfc822" }), 422],
  ["email: malformed JSON", () => post("/v1/analyze/email", '{"raw": "From: a@b', json), 400],
  ["email: JSON without Content-Type", () => post("/v1/analyze/email", bytes('{"raw": "From: a@b.c\\r\\n\\r\\nhi"}')), 415],
  ["email: JSON sent as text/plain", () => post("/v1/analyze/email", '{"raw": "From: a@b.c\\r\\n\\r\\nhi"}', { "content-type": "text/plain" }), 415],
  ["email: wrong type for raw", () => post("/v1/analyze/email", JSON.stringify({ raw: 42 }), json), 422],
  ["email: JSON array", () => post("/v1/analyze/email", "[1,2]", json), 422],
  ["email: unsupported media type", () => post("/v1/analyze/email", "x", { "content-type": "image/png" }), 415],
  ["email: non-numeric Content-Length", () => post("/v1/analyze/email", "From: a@b.c\r\n\r\nhi", { "content-type": "message/rfc822", "content-length": "abc" }), 400],
  ["email: 11 MB body", () => post("/v1/analyze/email", new Uint8Array(11 * 1024 * 1024).fill(65), { "content-type": "message/rfc822" }), 413],
  ["email: 11 MB body without Content-Length", () => post("/v1/analyze/email", streamOf(11 * 1024 * 1024), { "content-type": "message/rfc822" }), 413],
  ["url: empty body", () => post("/v1/analyze/url", "", json), 400],
  ["url: malformed JSON", () => post("/v1/analyze/url", "{url:", json), 400],
  ["url: JSON without Content-Type", () => post("/v1/analyze/url", bytes('{"url":"https://a.example"}')), 415],
  ["url: JSON as form data (curl -d)", () => post("/v1/analyze/url", '{"url":"https://a.example"}', { "content-type": "application/x-www-form-urlencoded" }), 415],
  ["url: wrong type", () => post("/v1/analyze/url", JSON.stringify({ url: 7 }), json), 422],
  ["url: urls not an array", () => post("/v1/analyze/url", JSON.stringify({ urls: "https://a.example" }), json), 422],
  ["url: empty urls", () => post("/v1/analyze/url", JSON.stringify({ urls: [] }), json), 422],
  ["url: 101 urls", () => post("/v1/analyze/url", JSON.stringify({ urls: Array.from({ length: 101 }, (_, i) => `https://a${i}.example`) }), json), 422],
  ["url: a URL that does not parse", () => post("/v1/analyze/url", JSON.stringify({ url: "http://exa mple.com:99999/\u0000" }), json), 422],
  ["url: a bare word", () => post("/v1/analyze/url", JSON.stringify({ urls: ["https://ok.example", "::::"] }), json), 422],
  ["url: a single word", () => post("/v1/analyze/url", JSON.stringify({ url: "x" }), json), 422],
  ["url: a NUL character", () => post("/v1/analyze/url", JSON.stringify({ url: "\u0000" }), json), 422],
  ["url: spaces inside", () => post("/v1/analyze/url", JSON.stringify({ url: "http://exa mple.com/" }), json), 422],
  ["url: null body", () => post("/v1/analyze/url", "null", json), 422],
  ["url: a javascript: URL", () => post("/v1/analyze/url", JSON.stringify({ url: "javascript:alert(1)" }), json), 422],
  ["url: a data: URL in a list", () => post("/v1/analyze/url", JSON.stringify({ urls: ["https://ok.example", "data:text/html,<h1>hi</h1>"] }), json), 422],
  ["url: non-numeric Content-Length", () => post("/v1/analyze/url", "{}", { ...json, "content-length": "12abc" }), 400],
  ["unknown route", () => call("/v1/nothing", { method: "GET", key }), 404],
  ["wrong method", () => call("/v1/analyze/url", { method: "GET", key }), 405],
];

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(66);
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
    // The server stops reading at the limit; that cancels this stream, which is expected.
    cancel() {},
  });
}

describe("bad input", () => {
  for (const [name, send, status] of cases) {
    it(`${name} -> ${status} problem+json`, async () => {
      const problem = await expectProblem(await send(), status);
      expect(problem.detail ?? problem.title).toMatch(/\w{3,}/);
    });
  }

  it("stored nothing for any refused request", async () => {
    expect(await reportCount(created.account_id)).toBe(0);
  });

  it("refuses javascript: and data: URLs by name, saying which schemes it analyses", async () => {
    const one = (await expectProblem(await post("/v1/analyze/url", JSON.stringify({ url: "javascript:alert(1)" }), json), 422)) as { errors?: { path: string; message: string }[] };
    expect(one.errors).toEqual([{ path: "/url", message: "not a web address: a javascript: URL runs code instead of opening a page (supported schemes: http, https)" }]);
    const list = (await expectProblem(await post("/v1/analyze/url", JSON.stringify({ urls: ["https://ok.example", "data:text/html,<h1>hi</h1>"] }), json), 422)) as { errors?: { path: string; message: string }[] };
    expect(list.errors).toEqual([{ path: "/urls/1", message: "not a web address: a data: URL carries its content inside the link instead of opening a page (supported schemes: http, https)" }]);
  });

  it("says what to send when neither url nor urls is given, and keeps the both-given message", async () => {
    type Errors = { errors?: { path: string; message: string }[] };
    const neither = (await expectProblem(await post("/v1/analyze/url", "{}", json), 422)) as Errors;
    expect(neither.errors?.map((e) => e.message)).toEqual(['send "url" (one URL) or "urls" (a list)']);
    const both = (await expectProblem(await post("/v1/analyze/url", JSON.stringify({ url: "https://a.example", urls: ["https://b.example"] }), json), 422)) as Errors;
    expect(both.errors?.map((e) => e.message)).toEqual(['send either "url" or "urls" (not both)']);
  });

  it("refuses a schemeless single-label host and an unpaired surrogate, naming the problem", async () => {
    type Errors = { errors?: { path: string; message: string }[] };
    const local = (await expectProblem(await post("/v1/analyze/url", JSON.stringify({ url: "localhost:3000" }), json), 422)) as Errors;
    expect(local.errors).toEqual([{ path: "/url", message: "not a web address: the host has no domain (e.g. example.com)" }]);
    // JSON's \ud800 escape is how a lone surrogate reaches the API.
    const lone = (await expectProblem(await post("/v1/analyze/url", '{"urls": ["https://ok.example", "http://example.com/\\ud800"]}', json), 422)) as Errors;
    expect(lone.errors).toEqual([{ path: "/urls/1", message: "contains an unpaired UTF-16 surrogate" }]);
  });

  it("still analyses a message holding a javascript: link, as a warning sign rather than an address", async () => {
    const mail = 'From: "Support" <help@example.com>\r\nSubject: open\r\nContent-Type: text/html\r\n\r\n<a href="javascript:steal()">Open your document</a>';
    const res = await post("/v1/analyze/email", mail, { "content-type": "message/rfc822" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { urls: { url: string }[] };
    expect(body.urls).toEqual([]);
  });

  it("parses a message with a broken MIME structure instead of failing", async () => {
    const broken = 'From: "Support" <help@example.com>\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary="zzz"\r\n\r\n--zzz\r\nContent-Type: text/html\r\n\r\n<a href="http://example.com/x">click</a>\r\n--zz';
    const res = await post("/v1/analyze/email", broken, { "content-type": "message/rfc822" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verdict: string; subject: string };
    expect(["phishing", "suspicious", "legitimate"]).toContain(body.verdict);
    expect(body.subject).toBe("broken");
  });
});

describe("unreadable JSON bodies", () => {
  it("says where the JSON breaks, in our words (not the engine's, which can quote the body)", async () => {
    const problem = await expectProblem(await post("/v1/analyze/url", '{\n  "url": }', json), 400);
    expect(problem.type).toMatch(/invalid-json$/);
    expect(problem.detail).toBe("The body is not valid JSON (at line 2, column 10).");
    const cut = await expectProblem(await post("/v1/analyze/email", '{"raw": "From: a@b', json), 400);
    expect(cut.detail).toBe("The body is not valid JSON: it ends before the JSON value is complete (line 1, column 19).");
  });

  it("refuses a body that is not UTF-8 instead of reading it with U+FFFD in place of the bad bytes", async () => {
    // {"url": "https://a.example/\xff"}: valid JSON once decoded leniently.
    const body = new Uint8Array([...bytes('{"url": "https://a.example/'), 0xff, ...bytes('"}')]);
    const before = await reportCount(created.account_id);
    const problem = await expectProblem(await post("/v1/analyze/url", body, json), 400);
    expect(problem.type).toMatch(/invalid-utf8$/);
    expect(problem.detail).toBe("The body is not valid UTF-8: send JSON text encoded as UTF-8.");
    expect(await reportCount(created.account_id)).toBe(before);
  });
});

describe("compressed bodies", () => {
  const gzip = async (text: string) => new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());

  it("refuses a gzip body on the JSON and the message route with 415 and Accept-Encoding: identity, storing nothing", async () => {
    const before = await reportCount(created.account_id);
    for (const [path, body, type] of [
      ["/v1/analyze/url", '{"url":"https://a.example"}', "application/json"],
      ["/v1/analyze/email", "From: a@b.c\r\nSubject: hi\r\n\r\nhello", "message/rfc822"],
    ] as const) {
      const res = await post(path, await gzip(body), { "content-type": type, "content-encoding": "gzip" });
      expect(res.headers.get("accept-encoding")).toBe("identity");
      const problem = await expectProblem(res, 415);
      expect(problem.type).toMatch(/unsupported-content-encoding$/);
      expect(problem.detail).toBe("Content-Encoding gzip is not supported: send the body uncompressed.");
    }
    expect(await reportCount(created.account_id)).toBe(before);
  });

  it("refuses an unknown coding by name and accepts identity", async () => {
    const bogus = await expectProblem(await post("/v1/analyze/url", '{"url":"https://a.example"}', { ...json, "content-encoding": "bogus" }), 415);
    expect(bogus.detail).toBe("Content-Encoding bogus is not supported: send the body uncompressed.");
    const identity = await post("/v1/analyze/url", '{"url":"https://a.example"}', { ...json, "content-encoding": "identity" });
    expect(identity.status).toBe(200);
  });
});
