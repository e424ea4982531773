// The console Worker as deployed (its wrangler.toml and real assets) in a local workerd: the page,
// its files and config.json under the CSP, problem+json where there is no file or for another
// method, and a request id on every answer. (console-worker.test.ts covers the paths with a stand-in.)
import { fileURLToPath } from "node:url";
import { unstable_startWorker } from "wrangler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
let worker: Awaited<ReturnType<typeof unstable_startWorker>>;

beforeAll(async () => {
  process.chdir(ROOT);
  worker = await unstable_startWorker({ config: "functions/console/wrangler.toml", dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, logLevel: "none" } });
}, 120_000);
afterAll(async () => {
  await worker?.dispose();
});

const get = (path: string, init?: RequestInit) => worker.fetch(`http://console.test${path}`, init as never) as unknown as Promise<Response>;

function expectHeaders(res: Response): void {
  expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self'/);
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
}

describe("console Worker with its assets", () => {
  it("serves index.html at / and /console/, its files, and config.json", async () => {
    for (const path of ["/", "/console/"]) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<script type="module" src="./js/main.js"></script>');
      expectHeaders(page);
    }
    const script = await get("/console/js/main.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expectHeaders(script);
    const config = await get("/console/config.json");
    expect(await config.json()).toEqual({ api_base: "" });
    expectHeaders(config);
  });

  it("answers a path with no file with 404 problem+json under the same headers", async () => {
    for (const path of ["/console/nope.js", "/nope", "/console/keys/list"]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expectHeaders(res);
      expect(await res.json()).toEqual({ type: "https://traceo.dev/problems/not-found", title: "Not found", status: 404, detail: `No console page or file at ${path}.`, instance: `urn:traceo:request:${res.headers.get("x-request-id")}` });
    }
  });

  it("answers another method with 405 problem+json and Allow", async () => {
    const res = await get("/console/", { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expectHeaders(res);
  });

  it("answers a plain OPTIONS with 204 and Allow, as the API does", async () => {
    const res = await get("/console/", { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expectHeaders(res);
  });
});
