import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { problemErrorHandler } from "@traceo/problem";
import { methodGuard, methodsFor, patternToRegExp } from "./method-guard.ts";

describe("patternToRegExp", () => {
  it.each([
    ["/v1/keys", "/v1/keys", true],
    ["/v1/keys", "/v1/keys/", true],
    ["/v1/keys", "/v1/keysx", false],
    ["/v1/keys/:id", "/v1/keys/key_1", true],
    ["/v1/keys/:id", "/v1/keys/a/b", false],
    ["/v1/keys/:id/roll", "/v1/keys/key_1/roll", true],
    ["/x/:id{[0-9]+}", "/x/12", true],
    ["/x/:id{[0-9]+}", "/x/ab", false],
    ["/x/:id?", "/x", true],
    ["/x/*", "/x/a/b", true],
    ["/a.b", "/aXb", false],
  ])("%s matches %s: %s", (pattern, path, matches) => {
    expect(patternToRegExp(pattern).test(path)).toBe(matches);
  });
});

describe("methodsFor", () => {
  it("lists the methods of the routes at a path, HEAD with GET, ignoring middleware", () => {
    const app = new Hono();
    app.use("/v1/*", (_c, next) => next());
    app.post("/v1/keys", (c) => c.text(""));
    app.get("/v1/keys", (c) => c.text(""));
    app.delete("/v1/keys/:id", (c) => c.text(""));
    expect([...methodsFor(app, "/v1/keys")]).toEqual(["POST", "GET", "HEAD"]);
    expect([...methodsFor(app, "/v1/keys/key_1")]).toEqual(["DELETE"]);
    expect([...methodsFor(app, "/v1/other")]).toEqual([]);
  });
});

describe("methodGuard", () => {
  const app = new Hono();
  app.use(methodGuard(app));
  app.onError(problemErrorHandler);
  app.get("/health", (c) => c.text("ok"));
  app.post("/v1/keys", (c) => c.text(""));
  app.get("/v1/keys", (c) => c.text(""));

  it("gives a 405 the same Allow as the 204 to OPTIONS, and names the useful methods in the detail", async () => {
    for (const [path, allow, detail] of [
      ["/health", "GET, HEAD, OPTIONS", "Use GET."],
      ["/v1/keys", "POST, GET, HEAD, OPTIONS", "Use POST or GET."],
    ]) {
      const options = await app.request(path!, { method: "OPTIONS" });
      expect(options.status).toBe(204);
      expect(options.headers.get("allow")).toBe(allow);
      const wrong = await app.request(path!, { method: "DELETE" });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get("allow")).toBe(allow);
      expect(((await wrong.json()) as { detail: string }).detail).toBe(detail);
    }
  });

  it("passes the methods a path serves, HEAD included, and leaves unknown paths alone", async () => {
    expect((await app.request("/health")).status).toBe(200);
    expect((await app.request("/health", { method: "HEAD" })).status).toBe(200);
    expect((await app.request("/nope", { method: "OPTIONS" })).status).toBe(404);
  });
});
