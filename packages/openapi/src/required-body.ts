// zod-openapi validates a `required` JSON body on every request, even one sent as message/rfc822
// (it then sees `{}`). A route that also takes raw media types is registered with the body
// optional, so only JSON requests meet the JSON schema, then documented as required (the registry
// keeps the route's own request object).
import type { RouteConfig } from "@hono/zod-openapi";

export function documentBodyAsRequired(route: RouteConfig): void {
  if (route.request?.body) route.request.body.required = true;
}
