// The console Worker's own logic (paths, headers, config.json) with a stand-in for the ASSETS
// binding; the real assets are served in workerd by `npm run test:browser`.
import { describe, expect, it } from "vitest";
import worker from "./index.ts";
import { apiOrigin, contentSecurityPolicy } from "./security-headers.ts";

// Answers with the path it was asked for, so the tests see what reached the assets.
const assets = {
  async fetch(input: RequestInfo | URL): Promise<Response> {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
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

  it("answers 405 to anything but GET and HEAD", async () => {
    const res = await call("/", { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
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
