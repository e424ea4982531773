// No catastrophic regular expressions: every regex in production source (packages/*/src and
// functions/*/src, without tests and packages/local-dev) is analysed by recheck and must be `safe`
// (linear: no exponential or polynomial backtracking). Deterministic, no timing: recheck reasons
// about the pattern. Regexes built at run time are listed below with the values they are built from.
import { fileURLToPath } from "node:url";
import { GREETING_THEN_ADDRESS, HOSTNAME } from "@traceo/detector/email/address-signals.ts";
import { patternToRegExp } from "@traceo/http-hygiene";
import { describe, expect, it } from "vitest";
import { regexesIn } from "./find-regexes.ts";
import { distinct, recheckAll } from "./recheck-all.ts";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const { found, dynamic, routePaths } = regexesIn(ROOT);

/**
 * Each RegExp built from a template, keyed by file and call text, with every regex it can build.
 * A new dynamic construction fails the test until it is listed here.
 */
const DYNAMIC: Record<string, () => RegExp[]> = {
  "packages/auth/src/session/opaque-token.ts new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`)": () =>
    ["rt", "chl"].map((prefix) => new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`)),
  "packages/auth/src/totp/totp.ts new RegExp(`^\\\\d{${digits}}$`)": () => [6, 8].map((digits) => new RegExp(`^\\d{${digits}}$`)),
  'packages/detector/src/email/address-signals.ts new RegExp(`^(?:${LABEL}\\\\.)+\\\\p{L}{2,63}\\\\.?$`, "u")': () => [HOSTNAME],
  'packages/detector/src/email/address-signals.ts new RegExp( "(?:^|[\\\\s>])(?:hello|hi|hey|dear|greetings|hallo|liebe[r]?|sehr geehrte[r]?|olá|ola|oi|prezado\\\\(a\\\\)|prezad[oa]|caro|cara|" + "beste|geachte|bonjour|cher|chère|hola|estimad[oa]|ciao|gentile|salve)[\\\\s,:]{1,3}" + ADDRESS.source, "iu", )': () => [GREETING_THEN_ADDRESS],
  'packages/detector/src/email/header-claims.ts new RegExp(`(?:^|[;\\\\s])${method}\\\\s*=\\\\s*([a-z]{1,16})`, "i")': () =>
    ["spf", "dkim", "dmarc"].map((method) => new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]{1,16})`, "i")),
  // Every route path of every function (OpenAPI `{id}` is Hono's `:id`), plus each pattern form it reads.
  'packages/http-hygiene/src/method-guard.ts new RegExp(`^${source || "/"}/?$`)': () =>
    [...routePaths.map((p) => p.replace(/\{(\w+)\}/g, ":$1")), "/", "/files/*", "/a/:opt?", "/v1/x/:id{[0-9]{1,8}}"].map(patternToRegExp),
};

describe("regular expressions in production source", () => {
  it("finds them all: literals, plain-string RegExp calls, and the route paths", () => {
    // Guards the finder itself: these exist today, so an empty or partial scan fails here.
    expect(found.length).toBeGreaterThan(150);
    expect(found).toContainEqual(expect.objectContaining({ file: "packages/detector/src/email/links.ts", source: "\\b(?:https?:\\/\\/|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]{1,2000}", flags: "gi" }));
    expect(found.some((r) => r.file.endsWith(".test.ts") || r.file.startsWith("packages/local-dev/"))).toBe(false);
    expect(routePaths).toEqual(expect.arrayContaining(["/v1/analyze/email", "/v1/analyze/url", "/auth/login", "/v1/keys/{id}/roll", "/v1/reports", "/v1/usage"]));
  });

  it("knows every regex built at run time and what it is built from", () => {
    expect(dynamic.map((d) => `${d.file} ${d.text.replace(/\s+/g, " ")}`).sort()).toEqual(Object.keys(DYNAMIC).sort());
  });

  it("the analyser flags a pattern of the kind this check exists for", async () => {
    // `=+$` stripped base64 padding in six places: quadratic on a long run of "=" followed by another character.
    const [verdict] = await recheckAll([{ source: "=+$", flags: "" }]);
    expect(verdict!.status).toBe("vulnerable");
  });

  it("every one is safe (recheck, pure backend)", { timeout: 180_000 }, async () => {
    const built = Object.values(DYNAMIC).flatMap((make) => make().map((re) => ({ file: "(built at run time)", line: 0, source: re.source, flags: re.flags })));
    const unique = distinct([...found, ...built]);
    const verdicts = await recheckAll(unique);
    const unsafe = verdicts.flatMap((v, i) => (v.status === "safe" ? [] : [`/${v.source}/${v.flags} ${v.status} ${v.detail} at ${unique[i]!.sites.map((s) => `${s.file}:${s.line}`).join(", ")}`]));
    expect(unsafe).toEqual([]);
    expect(verdicts.length).toBe(unique.length);
  });
});
