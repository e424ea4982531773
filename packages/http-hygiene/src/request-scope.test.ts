import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { currentRequestId, requestScope } from "./request-scope.ts";

function app(): Hono {
  const a = new Hono();
  a.use(requestId({ headerName: "x-request-id" }));
  a.use(requestScope());
  a.get("/slow/:ms", async (c) => {
    const before = currentRequestId();
    await new Promise((r) => setTimeout(r, Number(c.req.param("ms"))));
    // Still this request's id after awaiting, while the other request ran in between.
    return c.json({ before, after: currentRequestId() });
  });
  return a;
}

describe("requestScope", () => {
  it("gives code deep in a request its own request id, across awaits and concurrent requests", async () => {
    const a = app();
    const [slow, fast] = await Promise.all([
      a.request("/slow/30", { headers: { "x-request-id": "req-slow-1" } }),
      a.request("/slow/1", { headers: { "x-request-id": "req-fast-2" } }),
    ]);
    expect(await slow.json()).toEqual({ before: "req-slow-1", after: "req-slow-1" });
    expect(await fast.json()).toEqual({ before: "req-fast-2", after: "req-fast-2" });
  });

  it("is undefined outside a request (cron handlers, scripts)", () => {
    expect(currentRequestId()).toBeUndefined();
  });
});
