// The docs Worker. Its assets (public/) answer /openapi.json, /docs and /docs/*; this script sees
// only requests no asset matches, and answers them as the rest of the API would: problem+json.
const PROBLEM = "application/problem+json";

function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  const code = status === 405 ? "method-not-allowed" : "not-found";
  return new Response(JSON.stringify({ type: `https://traceo.dev/problems/${code}`, title, status, detail }), {
    status,
    headers: { "content-type": PROBLEM, ...headers },
  });
}

export default {
  fetch(request: Request): Response {
    const { pathname } = new URL(request.url);
    if (request.method !== "GET" && request.method !== "HEAD" && (pathname === "/openapi.json" || pathname === "/docs")) {
      return problem(405, "Method not allowed", "Use GET.", { allow: "GET, HEAD" });
    }
    return problem(404, "Not found", `No route for ${request.method} ${pathname}; the API document is at /openapi.json, the reference at /docs.`);
  },
};
