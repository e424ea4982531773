// The docs Worker as deployed (its wrangler.toml, build step and assets) in a local workerd:
// the API document, the reference page with its bundled renderer, problem+json for the rest.
import { fileURLToPath } from "node:url";
import { unstable_startWorker } from "wrangler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
let worker: Awaited<ReturnType<typeof unstable_startWorker>>;

beforeAll(async () => {
  process.chdir(ROOT); // the build step's cwd is relative to the repository root, as in CI and `npm run dev`
  worker = await unstable_startWorker({ config: "functions/docs/wrangler.toml", dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, logLevel: "none" } });
}, 120_000);
afterAll(async () => {
  await worker?.dispose();
});

const get = (path: string, init?: RequestInit) => worker.fetch(`http://docs.test${path}`, init as never) as unknown as Promise<Response>;

describe("docs Worker", () => {
  it("serves the API document as JSON", async () => {
    const res = await get("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/v1/analyze/url");
  });

  it("serves the reference page and its renderer from its own assets, under a CSP that allows nothing else", async () => {
    const page = await get("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/docs/vendor/redoc.standalone.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'; script-src 'self'");
    const renderer = await get("/docs/vendor/redoc.standalone.js");
    expect(renderer.status).toBe(200);
    const bundle = await renderer.text();
    expect(bundle.length).toBeGreaterThan(500_000);
    // redoc's own logo came from its CDN; copy-vendor.mjs points it here.
    expect(bundle).not.toContain("cdn.redoc.ly");
    expect(bundle).toContain('src:"/docs/vendor/redocly-logo-mini.svg"');
    expect((await get("/docs/vendor/redocly-logo-mini.svg")).headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect((await get("/docs/reference.js")).status).toBe(200);
  });

  it("answers anything else with problem+json, not sniffable and sending no Referer", async () => {
    const missing = await get("/nope");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const post = await get("/openapi.json", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(post.headers.get("content-type")).toBe("application/problem+json");
    expect(((await post.json()) as { instance: string }).instance).toBe(`urn:traceo:request:${post.headers.get("x-request-id")}`);
    for (const res of [missing, post]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("answers a plain OPTIONS on its paths with 204 and Allow, as the API does", async () => {
    for (const path of ["/docs", "/openapi.json", "/docs/reference.js"]) {
      const res = await get(path, { method: "OPTIONS" });
      expect(res.status).toBe(204);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await get("/nope", { method: "OPTIONS" })).status).toBe(404);
  });

  it("puts a request id on every answer (assets, 404, 405), keeping a caller's well-formed one", async () => {
    const answers = [await get("/openapi.json"), await get("/docs"), await get("/nope"), await get("/docs", { method: "DELETE" })];
    for (const res of answers) expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get("/openapi.json", { headers: { "x-request-id": "trace-0123456789abcdef" } })).headers.get("x-request-id")).toBe("trace-0123456789abcdef");
    // The assets' own headers (_headers) are still there.
    const page = answers[1]!;
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(answers[0]!.headers.get("access-control-allow-origin")).toBe("*");
  });
});
