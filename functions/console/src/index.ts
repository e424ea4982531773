// The console Worker: serves ./public through the ASSETS binding, at `/` (its own origin in
// production) and under `/console/` (the path `npm run dev` gives it on the shared origin), adds the
// security headers to every answer and tells the page where the API lives (GET config.json).
import { securityHeaders } from "./security-headers.ts";

interface Env {
  ASSETS: Fetcher;
  API_BASE_URL?: string;
}

const PREFIX = "/console";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
  return copy;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const apiBase = (env.API_BASE_URL ?? "").trim().replace(/(?<!\/)\/+$/, "");
    const headers = securityHeaders(apiBase);
    const url = new URL(request.url);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return withHeaders(new Response("Method Not Allowed\n", { status: 405, headers: { allow: "GET, HEAD" } }), headers);
    }
    // Relative asset URLs need the trailing slash.
    if (url.pathname === PREFIX) return withHeaders(Response.redirect(`${url.origin}${PREFIX}/${url.search}`, 308), headers);
    if (url.pathname.startsWith(`${PREFIX}/`)) url.pathname = url.pathname.slice(PREFIX.length);
    if (url.pathname === "/config.json") {
      return withHeaders(Response.json({ api_base: apiBase }, { headers: { "cache-control": "no-store" } }), headers);
    }
    const asset = await env.ASSETS.fetch(new Request(url, request));
    return withHeaders(asset, headers);
  },
};
