// The typed client against the real analysis Worker (inside workerd, real Postgres and Redis).
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, createKey } from "../../../test/support/harness.ts";
import { createTraceoClient } from "./index.ts";

const worker = (exports as unknown as { default: Fetcher }).default;
const viaWorker = (input: RequestInfo | URL, init?: RequestInit) => worker.fetch(new Request(input, init));

describe("createTraceoClient", () => {
  it("analyses a URL through the analysis Worker and reads the typed report", async () => {
    const { key } = await createKey({ name: "typed client", tier: "pro" });
    const api = createTraceoClient(BASE, key, { fetch: viaWorker });
    const res = await api.analyze.v1.analyze.url.$post({ json: { url: "http://paypa1-secure.top/login" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-policy")).toMatch(/^"minute";q=300;w=60/);
    if (res.status !== 200) return;
    const report = await res.json();
    expect(report.id).toMatch(/^rep_/);
    expect(report.kind).toBe("url");
    expect(["phishing", "suspicious"]).toContain(report.verdict);
    expect(report.urls[0]!.registrable_domain).toBe("paypa1-secure.top");
  });

  it("surfaces the schema's 422 problem for an invalid request", async () => {
    const { key } = await createKey({ name: "typed client 422" });
    const api = createTraceoClient(BASE, key, { fetch: viaWorker });
    const res = await api.analyze.v1.analyze.url.$post({ json: { urls: [] } });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 422, errors: [{ path: "/urls" }] });
  });
});
