import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { methodsFor, patternToRegExp } from "./method-guard.ts";

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
