// The console Worker: serves ./public through the ASSETS binding, at `/` (its own origin in
// production) and under `/console/` (the path `npm run dev` gives it on the shared origin), adds the
// security headers and a request id to every answer and tells the page where the API lives (GET
// config.json). A path with no file and a method other than GET/HEAD/OPTIONS get problem+json and a
// plain OPTIONS 204 with Allow, as anywhere in the API (the console routes by #hash, so no path needs
// index.html as a fallback).
import { plainOptions, plainProblem, requestIdOf, withHeaders } from "@traceo/http-hygiene/plain-worker";
import { securityHeaders } from "./security-headers.ts";

interface Env {
  ASSETS: Fetcher;
  API_BASE_URL?: string;
}

const PREFIX = "/console";

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const apiBase = (env.API_BASE_URL ?? "").trim().replace(/(?<!\/)\/+$/, "");
    const requestId = requestIdOf(request);
    const headers = { ...securityHeaders(apiBase), "x-request-id": requestId };
    const url = new URL(request.url);
    const asked = url.pathname;
    // Every path is read with GET (a missing file is a 404 of GET), so every path answers OPTIONS.
    if (request.method === "OPTIONS") return withHeaders(plainOptions(), headers);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return withHeaders(plainProblem(405, "Use GET or HEAD.", requestId), headers);
    }
    // Relative asset URLs need the trailing slash.
    if (url.pathname === PREFIX) return withHeaders(Response.redirect(`${url.origin}${PREFIX}/${url.search}`, 308), headers);
    if (url.pathname.startsWith(`${PREFIX}/`)) url.pathname = url.pathname.slice(PREFIX.length);
    if (url.pathname === "/config.json") {
      return withHeaders(Response.json({ api_base: apiBase }, { headers: { "cache-control": "no-store" } }), headers);
    }
    const asset = await env.ASSETS.fetch(new Request(url, request));
    if (asset.status === 404) return withHeaders(plainProblem(404, `No console page or file at ${asked}.`, requestId), headers);
    return withHeaders(asset, headers);
  },
};
