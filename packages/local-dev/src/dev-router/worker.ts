// `npm run dev`'s front Worker: one address for every function, as production's routes give.
import { functionFor, type FunctionBinding } from "./routes.ts";

type Env = Record<Exclude<FunctionBinding, "DOCS">, Fetcher> & {
  /** Where the docs Worker's own `wrangler dev` listens (see DOCS_DEV_CONFIG in wrangler-process.ts). */
  DOCS_ORIGIN?: string;
};

function docsRequest(request: Request, url: URL, origin: string): Request {
  return new Request(`${origin}${url.pathname}${url.search}`, request);
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    // A person opening the dev address in a browser lands on the console.
    if (url.pathname === "/" && (request.method === "GET" || request.method === "HEAD")) {
      return new Response(null, { status: 302, headers: { location: `${url.origin}/console/`, "x-request-id": crypto.randomUUID() } });
    }
    const target = functionFor(url.pathname);
    if (target !== "DOCS") return env[target].fetch(request);
    if (!env.DOCS_ORIGIN) return new Response("The docs Worker is not running (DOCS_ORIGIN is not set).\n", { status: 503 });
    return fetch(docsRequest(request, url, env.DOCS_ORIGIN));
  },
};
