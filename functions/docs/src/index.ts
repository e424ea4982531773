// The docs Worker: its assets (public/) are /openapi.json, /docs and /docs/*. This script runs first
// so that everything else is answered as the rest of the API would: problem+json (404, 405) with
// nosniff and no-referrer, a plain OPTIONS with 204 and Allow, and an X-Request-Id on every answer.
import { plainOptions, plainProblem, requestIdOf, withHeaders } from "@traceo/http-hygiene/plain-worker";

interface Env {
  ASSETS: Fetcher;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const requestId = requestIdOf(request);
    const { pathname } = new URL(request.url);
    const idHeader = { "x-request-id": requestId };
    if (request.method === "GET" || request.method === "HEAD") {
      const asset = await env.ASSETS.fetch(request);
      if (asset.status !== 404) return withHeaders(asset, idHeader);
    } else if (pathname === "/openapi.json" || pathname === "/docs" || pathname.startsWith("/docs/")) {
      if (request.method === "OPTIONS") return withHeaders(plainOptions(), idHeader);
      return withHeaders(plainProblem(405, "Use GET.", requestId), idHeader);
    }
    return withHeaders(plainProblem(404, `No route for ${request.method} ${pathname}; the API document is at /openapi.json, the reference at /docs.`, requestId), idHeader);
  },
};
