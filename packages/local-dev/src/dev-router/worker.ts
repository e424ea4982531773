// `npm run dev`'s front Worker: one address for every function, as production's routes give.
import { functionFor, type FunctionBinding } from "./routes.ts";

type Env = Record<FunctionBinding, Fetcher>;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    return env[functionFor(new URL(request.url).pathname)].fetch(request);
  },
};
