// HTTP hygiene of every function: security headers and a request id on every answer (successes,
// 404, 405, 413, other problems), CORS for the console's origin only, 405 with Allow for a wrong
// method, and the body limit held when Content-Length is missing (chunked) or not a number.
import { describe, expect, it } from "vitest";
import maintenance from "../../functions/maintenance/src/index.ts";
import { BASE, baseEnv, jsonInit, send, type AppName, type Sent } from "./support.ts";

const CONSOLE = baseEnv.CONSOLE_ORIGIN!;
const corsHeaders = (res: Response) => [...res.headers.keys()].filter((name) => name.startsWith("access-control-"));
const ELSEWHERE = "https://evil.example";

function expectHygiene(res: Response): void {
  expect(res.headers.get("x-request-id"), "request id").toMatch(/^[\w-]{8,}$/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
}

async function expectProblemWithHygiene(sent: Sent, status: number): Promise<Record<string, unknown>> {
  expectHygiene(sent.res);
  const text = await sent.res.text();
  expect(sent.res.status, text).toBe(status);
  expect(sent.res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body.instance).toBe(`urn:traceo:request:${sent.res.headers.get("x-request-id")}`);
  return body;
}

/** A body sent as a stream: no Content-Length at all, as with chunked transfer encoding. */
function chunked(bytes: number, contentType = "application/json"): RequestInit {
  let left = bytes;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, 4096);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { method: "POST", headers: { "content-type": contentType }, body: stream, duplex: "half" } as RequestInit;
}

const wrongMethods: [AppName, string, string, string][] = [
  ["analyze", "GET", "/v1/analyze/url", "POST, OPTIONS"],
  ["analyze", "POST", "/health", "GET, HEAD, OPTIONS"],
  ["auth", "GET", "/auth/login", "POST, OPTIONS"],
  ["auth", "DELETE", "/auth/register", "POST, OPTIONS"],
  ["auth", "POST", "/auth/2fa/status", "GET, HEAD, OPTIONS"],
  ["keys", "PUT", "/v1/keys", "POST, GET, HEAD, OPTIONS"],
  ["keys", "PATCH", "/v1/keys/key_01HZZZZZZZZZZZZZZZZZZZZZZZ", "DELETE, OPTIONS"],
  ["keys", "GET", "/v1/keys/key_01HZZZZZZZZZZZZZZZZZZZZZZZ/roll", "POST, OPTIONS"],
  ["reports", "POST", "/v1/reports", "GET, HEAD, OPTIONS"],
  ["reports", "DELETE", "/v1/usage", "GET, HEAD, OPTIONS"],
];

describe("wrong methods", () => {
  it.each(wrongMethods)("%s: %s %s answers 405 with Allow: %s", async (app, method, path, allow) => {
    const sent = await send(app, path, { method, headers: { authorization: "Bearer not-checked-before-the-method" } });
    const body = await expectProblemWithHygiene(sent, 405);
    expect(sent.res.headers.get("allow")).toBe(allow);
    expect(body.type).toMatch(/method-not-allowed$/);
  });
});

// A plain OPTIONS (no Origin, or no Access-Control-Request-Method: not a CORS preflight) asks what
// the path serves: 204 with Allow (the same list a 405 there carries), never a CORS grant; a path
// that does not exist stays 404.
const optionsAllow: [AppName, string, string][] = [
  ["analyze", "/v1/analyze/url", "POST, OPTIONS"],
  ["analyze", "/health", "GET, HEAD, OPTIONS"],
  ["auth", "/auth/login", "POST, OPTIONS"],
  ["keys", "/v1/keys", "POST, GET, HEAD, OPTIONS"],
  ["keys", "/v1/keys/key_01HZZZZZZZZZZZZZZZZZZZZZZZ", "DELETE, OPTIONS"],
  ["reports", "/v1/reports", "GET, HEAD, OPTIONS"],
];

describe("plain OPTIONS", () => {
  it.each(optionsAllow)("%s: OPTIONS %s without Origin answers 204 with Allow: %s", async (app, path, allow) => {
    const sent = await send(app, path, { method: "OPTIONS" });
    expectHygiene(sent.res);
    expect(sent.res.status).toBe(204);
    expect(sent.res.headers.get("allow")).toBe(allow);
    expect(await sent.res.text()).toBe("");
    expect(corsHeaders(sent.res)).toEqual([]);
  });

  it("from another origin without a preflight header: 204 with Allow, no CORS grant", async () => {
    const sent = await send("auth", "/auth/login", { method: "OPTIONS", headers: { origin: ELSEWHERE } });
    expect(sent.res.status).toBe(204);
    expect(sent.res.headers.get("allow")).toBe("POST, OPTIONS");
    expect(corsHeaders(sent.res)).toEqual([]);
  });

  it("on a path that does not exist: 404 problem", async () => {
    await expectProblemWithHygiene(await send("keys", "/v1/nope", { method: "OPTIONS" }), 404);
  });
});

describe("every answer carries the security headers and a request id", () => {
  it.each(["analyze", "auth", "keys", "reports"] as AppName[])("%s: 404", async (app) => {
    await expectProblemWithHygiene(await send(app, "/no/such/path"), 404);
  });

  it("maintenance (no HTTP surface): 404 problem", async () => {
    const res = await maintenance.fetch!(new Request(`${BASE}/anything`) as never, baseEnv as never, { waitUntil() {}, passThroughOnException() {} } as never);
    await expectProblemWithHygiene({ res: res as unknown as Response, ms: 0 }, 404);
  });

  it("successes and other problems", async () => {
    const health = await send("analyze", "/health");
    expectHygiene(health.res);
    expect(health.res.status).toBe(200);
    await expectProblemWithHygiene(await send("analyze", "/v1/analyze/url", jsonInit("POST", { url: "https://example.org/" })), 401);
    await expectProblemWithHygiene(await send("auth", "/auth/login", jsonInit("POST", { username: "x" })), 422);
    await expectProblemWithHygiene(await send("keys", "/v1/keys"), 401);
    await expectProblemWithHygiene(await send("reports", "/v1/reports"), 401);
  });

  it("keeps a caller's well-formed X-Request-Id", async () => {
    const sent = await send("auth", "/no/such/path", { headers: { "x-request-id": "trace-0123456789abcdef" } });
    expect(sent.res.headers.get("x-request-id")).toBe("trace-0123456789abcdef");
  });
});

describe("body limits hold without a usable Content-Length", () => {
  const cases: [AppName, string, number][] = [
    ["auth", "/auth/login", 8 * 1024],
    ["keys", "/v1/keys", 16 * 1024],
    ["analyze", "/v1/analyze/url", 1024 * 1024],
  ];
  it.each(cases)("%s %s: a chunked body over %i bytes is 413", async (app, path, limit) => {
    const body = await expectProblemWithHygiene(await send(app, path, chunked(limit + 1)), 413);
    expect(body.max_bytes).toBe(limit);
  });

  it.each(cases)("%s %s: a Content-Length that is not a number is 400", async (app, path) => {
    const sent = await send(app, path, { method: "POST", headers: { "content-type": "application/json", "content-length": "12abc" }, body: "{}" });
    const body = await expectProblemWithHygiene(sent, 400);
    expect(body.type).toMatch(/invalid-content-length$/);
  });

  it("a chunked body under the limit is read normally", async () => {
    const sent = await send("auth", "/auth/login", chunked(100));
    // 100 spaces are not JSON: the body was read (and judged), not refused for its size.
    expect((await expectProblemWithHygiene(sent, 400)).type).toMatch(/empty-body$/);
  });
});

describe("unreadable JSON bodies", () => {
  const post = (app: AppName, path: string, body: BodyInit) => send(app, path, { method: "POST", headers: { "content-type": "application/json" }, body });

  it.each([
    ['{"username": "ada", "password": }', "The body is not valid JSON (at line 1, column 33)."],
    ['{"username": "ada",\n "password": "x",\n}', "The body is not valid JSON (at line 3, column 1)."],
    ['{"username": "ada"', "The body is not valid JSON: it ends before the JSON value is complete (line 1, column 19)."],
    ["{'username': 'ada'}", "The body is not valid JSON (at line 1, column 2)."],
  ])("%j: 400 with our own detail", async (body, detail) => {
    const problem = await expectProblemWithHygiene(await post("auth", "/auth/login", body), 400);
    expect(problem.type).toMatch(/invalid-json$/);
    expect(problem.detail).toBe(detail);
  });

  it.each([
    ["auth", "/auth/login"],
    ["auth", "/auth/register"],
  ] as [AppName, string][])("%s %s: a body that is not UTF-8 is 400 invalid-utf8", async (app, path) => {
    // Valid JSON if the lone 0xE9 (Latin-1 "é") were read as U+FFFD.
    const body = new Uint8Array([...new TextEncoder().encode('{"username": "ren'), 0xe9, ...new TextEncoder().encode('e", "password": "correct horse battery"}')]);
    const problem = await expectProblemWithHygiene(await post(app, path, body), 400);
    expect(problem.type).toMatch(/invalid-utf8$/);
    expect(problem.detail).toBe("The body is not valid UTF-8: send JSON text encoded as UTF-8.");
  });

  it("UTF-8 with a BOM and characters beyond ASCII still reads", async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"username": "renée😀", "password": "x"}')]);
    const sent = await post("auth", "/auth/login", body);
    expect(sent.res.status, await sent.res.clone().text()).toBe(401);
  });
});

describe("a client that goes away mid-body", () => {
  /** A body that sends a few bytes, then fails as workerd's does when the connection drops. */
  function droppedBody(): RequestInit {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error("Network connection lost."));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"username": "ada", "pass'));
      },
    });
    return { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit;
  }

  it.each([
    ["auth", "/auth/login"],
    ["keys", "/v1/keys"],
    ["analyze", "/v1/analyze/url"],
  ] as [AppName, string][])("%s %s: logged at info as 499 (client closed), not as a 500 error", async (app, path) => {
    const lines: { level: string; msg: string; [field: string]: unknown }[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error };
    for (const m of ["log", "warn", "error"] as const) console[m] = (line: string) => void lines.push(JSON.parse(line));
    let sent: Sent;
    try {
      sent = await send(app, path, droppedBody());
    } finally {
      Object.assign(console, originals);
    }
    expect(sent.res.status).toBe(499);
    expect(lines.filter((l) => l.level === "error"), JSON.stringify(lines)).toEqual([]);
    const access = lines.filter((l) => l.msg === "request");
    expect(access).toEqual([{ level: "info", msg: "request", requestId: sent.res.headers.get("x-request-id"), method: "POST", path, status: 499, durationMs: expect.any(Number), clientAborted: true }]);
  });
});

describe("CORS: the console's origin only", () => {
  it("has a console origin configured", () => {
    expect(CONSOLE).toMatch(/^https:\/\//);
  });

  it.each(["analyze", "auth", "keys", "reports"] as AppName[])("%s: preflight from the console is allowed, from elsewhere not", async (app) => {
    const path = { analyze: "/v1/analyze/url", auth: "/auth/login", keys: "/v1/keys", reports: "/v1/reports" }[app];
    const preflight = (origin: string) =>
      send(app, path, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" } });
    const ours = await preflight(CONSOLE);
    expectHygiene(ours.res);
    expect(ours.res.headers.get("access-control-allow-origin")).toBe(CONSOLE);
    expect(ours.res.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(ours.res.headers.get("access-control-allow-credentials")).toBeNull(); // bearer tokens, no cookies
    const theirs = await preflight(ELSEWHERE);
    expect(corsHeaders(theirs.res)).toEqual([]);
  });

  it("answers from another origin carry no CORS grant; the console's do, with Vary: Origin", async () => {
    const elsewhere = await send("analyze", "/health", { headers: { origin: ELSEWHERE } });
    expect(corsHeaders(elsewhere.res)).toEqual([]);
    expect(elsewhere.res.headers.get("vary")).toMatch(/origin/i);
    expect(corsHeaders((await send("auth", "/no/such/path")).res)).toEqual([]);
    const ours = await send("analyze", "/health", { headers: { origin: CONSOLE } });
    expect(ours.res.headers.get("access-control-allow-origin")).toBe(CONSOLE);
    expect(ours.res.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(ours.res.headers.get("vary")).toMatch(/origin/i);
  });

  it("no CORS grant at all when CONSOLE_ORIGIN is unset", async () => {
    const sent = await send("analyze", "/health", { headers: { origin: CONSOLE } }, { CONSOLE_ORIGIN: "" });
    expect(sent.res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
