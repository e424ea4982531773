// `npm run dev`'s front Worker: one address for every function, as production's routes give.
import { functionFor, type FunctionBinding } from "./routes.ts";

type Env = Record<FunctionBinding, Fetcher>;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    // A person opening the dev address in a browser lands on the console.
    if (url.pathname === "/" && (request.method === "GET" || request.method === "HEAD")) return Response.redirect(`${url.origin}/console/`, 302);
    return env[functionFor(url.pathname)].fetch(request);
  },
};
