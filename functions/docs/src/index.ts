// The docs Worker: its assets (public/) are /openapi.json, /docs and /docs/*. This script runs first
// so that everything else is answered as the rest of the API would: problem+json (404, 405).
interface Env {
  ASSETS: Fetcher;
}

function problem(status: 404 | 405, detail: string, headers: Record<string, string> = {}): Response {
  const [code, title] = status === 405 ? ["method-not-allowed", "Method not allowed"] : ["not-found", "Not found"];
  return new Response(JSON.stringify({ type: `https://traceo.dev/problems/${code}`, title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" || request.method === "HEAD") {
      const asset = await env.ASSETS.fetch(request);
      if (asset.status !== 404) return asset;
    } else if (pathname === "/openapi.json" || pathname === "/docs" || pathname.startsWith("/docs/")) {
      return problem(405, "Use GET.", { allow: "GET, HEAD" });
    }
    return problem(404, `No route for ${request.method} ${pathname}; the API document is at /openapi.json, the reference at /docs.`);
  },
};
