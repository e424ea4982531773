// The console Worker's own logic (paths, headers, config.json) with a stand-in for the ASSETS
// binding; the real assets are served in workerd by `npm run test:browser`.
import { describe, expect, it } from "vitest";
import worker from "./index.ts";
import { apiOrigin, contentSecurityPolicy } from "./security-headers.ts";

// Answers with the path it was asked for, so the tests see what reached the assets; /missing* has
// no file (the asset layer's 404 has an empty body).
const assets = {
  async fetch(input: RequestInfo | URL): Promise<Response> {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if (path.startsWith("/missing")) return new Response(null, { status: 404 });
    return new Response(`asset ${path}`, { headers: { "content-type": "text/plain" } });
  },
} as unknown as Fetcher;

const call = (path: string, init?: RequestInit, apiBase = "") => worker.fetch(new Request(`https://console.example${path}`, init), { ASSETS: assets, API_BASE_URL: apiBase });

describe("console Worker", () => {
  it("serves assets at / and under /console/ (the dev router's prefix), with the CSP on every answer", async () => {
    for (const [path, assetPath] of [["/", "/"], ["/js/main.js", "/js/main.js"], ["/console/", "/"], ["/console/app.css", "/app.css"]] as const) {
      const res = await call(path);
      expect(await res.text()).toBe(`asset ${assetPath}`);
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("redirects /console to /console/ so relative asset URLs resolve", async () => {
    const res = await call("/console?x=1");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("https://console.example/console/?x=1");
  });

  it("tells the page its API base and allows that origin in connect-src", async () => {
    const res = await call("/console/config.json", undefined, "https://api.traceo.example/");
    expect(await res.json()).toEqual({ api_base: "https://api.traceo.example" });
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'self' https://api.traceo.example;");
    expect(await (await call("/config.json")).json()).toEqual({ api_base: "" });
  });

  it("answers a plain OPTIONS with 204 and Allow, as the API does, on every path", async () => {
    for (const path of ["/console/", "/", "/console/config.json", "/missing.js"]) {
      const res = await call(path, { method: "OPTIONS" });
      expect(res.status).toBe(204);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("answers 405 problem+json to anything but GET, HEAD and OPTIONS", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await call("/console/", { method, ...(method === "DELETE" ? {} : { body: "x" }) });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      const id = res.headers.get("x-request-id");
      expect(await res.json()).toEqual({ type: "https://traceo.dev/problems/method-not-allowed", title: "Method not allowed", status: 405, detail: "Use GET or HEAD.", instance: `urn:traceo:request:${id}` });
    }
  });

  it("answers 404 problem+json where the assets have no file, with the security headers", async () => {
    for (const path of ["/missing.js", "/console/missing/page"]) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const body = (await res.json()) as { type: string; detail: string; instance: string };
      expect(body.type).toBe("https://traceo.dev/problems/not-found");
      expect(body.detail).toBe(`No console page or file at ${path}.`);
      expect(body.instance).toBe(`urn:traceo:request:${res.headers.get("x-request-id")}`);
    }
  });

  it("puts a request id on every answer, keeping a caller's well-formed one", async () => {
    const answers = [await call("/console/"), await call("/console"), await call("/config.json"), await call("/missing"), await call("/", { method: "POST" })];
    const ids = answers.map((res) => res.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call("/", { headers: { "x-request-id": "trace-0123456789abcdef" } })).headers.get("x-request-id")).toBe("trace-0123456789abcdef");
    expect((await call("/", { headers: { "x-request-id": "bad id <script>" } })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("console CSP", () => {
  it("has no inline script or style allowance and no wildcard", () => {
    const csp = contentSecurityPolicy("");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("accepts only http(s) API origins", () => {
    expect(apiOrigin("https://api.example/v1")).toBe("https://api.example");
    expect(apiOrigin("")).toBeNull();
    expect(apiOrigin("javascript:alert(1)")).toBeNull();
    expect(apiOrigin("not a url")).toBeNull();
  });
});
