// Properties of the email and URL pipelines (what the analyze Worker does, minus storage): whatever
// comes in, the answer is a well-formed report or our typed refusal (the API's 422), never another
// exception. Fixed seed and bounded runs here; `npm run fuzz` is the long run that also times inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_SHAPES, URL_SHAPES } from "./arbitraries/adversarial.ts";
import { anyInput, rfc822Message } from "./arbitraries/email.ts";
import { anyUrlInput } from "./arbitraries/url.ts";
import { emailPipeline, urlDetector, urlPipeline, type Outcome } from "./pipelines.ts";

const SEED = 20261204;
const KB = 1024;

/** Counts outcomes and fails on the first bug with the input's size and the error. */
function tally() {
  const counts = { report: 0, refused: 0 };
  return {
    counts,
    check(outcome: Outcome, what: string): true {
      if (outcome.kind === "bug") throw new Error(`${what}: ${outcome.error}`);
      counts[outcome.kind]++;
      return true;
    },
  };
}

describe("email pipeline", () => {
  it("answers structured RFC 822 messages with a well-formed report", async () => {
    const t = tally();
    await fc.assert(fc.asyncProperty(rfc822Message, async (m) => t.check(await emailPipeline(m), `${m.length}-character message`)), { seed: SEED, numRuns: 300 });
    // The generator makes messages that get past the "is this an email" check: all become reports.
    expect(t.counts.report).toBe(300);
  });

  it("answers any string or bytes with a report or EmailParseError", async () => {
    const t = tally();
    await fc.assert(fc.asyncProperty(anyInput, async (raw) => t.check(await emailPipeline(raw), `${raw.length}-long input`)), { seed: SEED, numRuns: 400 });
    expect(t.counts.report).toBeGreaterThan(50);
    expect(t.counts.refused).toBeGreaterThan(50);
  });

  it("survives every adversarial shape at 512 bytes, 64 KB and 1 MB", { timeout: 120_000 }, async () => {
    const t = tally();
    for (const size of [512, 64 * KB - 512, 1024 * KB - 4096]) {
      for (const shape of EMAIL_SHAPES) t.check(await emailPipeline(shape.build(size)), `${shape.name} at ${size} bytes`);
    }
    expect(t.counts.report + t.counts.refused).toBe(EMAIL_SHAPES.length * 3);
    expect(t.counts.report).toBeGreaterThan(EMAIL_SHAPES.length * 2);
  });

  it("refuses (typed) what is not a message", async () => {
    for (const raw of ["", " \r\n", "hello", "\u0000\u0001\u0002", new Uint8Array([0xff, 0xfe, 0x00]), "<html>\r\n\r\nhi"]) {
      expect(await emailPipeline(raw)).toEqual({ kind: "refused", error: "EmailParseError" });
    }
  });
});

describe("URL pipeline", () => {
  it("answers odd URLs and arbitrary strings with a report or a typed refusal (input check or UrlParseError)", () => {
    const t = tally();
    fc.assert(fc.property(fc.array(anyUrlInput, { minLength: 1, maxLength: 3 }), (urls) => t.check(urlPipeline(urls), JSON.stringify(urls).slice(0, 300))), { seed: SEED, numRuns: 1000 });
    expect(t.counts.report).toBeGreaterThan(200);
    expect(t.counts.refused).toBeGreaterThan(100);
  });

  it("the detector alone (no input check in front) throws nothing but UrlParseError", () => {
    const t = tally();
    fc.assert(fc.property(fc.oneof(anyUrlInput, fc.string({ maxLength: 500 }), fc.string({ unit: "binary", maxLength: 200 })), (u) => t.check(urlDetector(u), JSON.stringify(u).slice(0, 300))), { seed: SEED, numRuns: 1000 });
    expect(t.counts.report).toBeGreaterThan(200);
  });

  it("survives every adversarial shape: up to 8,000 characters through the API, 1 MB into the detector", () => {
    const t = tally();
    for (const shape of URL_SHAPES) {
      t.check(urlPipeline([shape.build(8000)]), `${shape.name} at 8000`);
      t.check(urlDetector(shape.build(1024 * KB - 4096)), `${shape.name} at 1 MB`);
    }
    expect(t.counts.report + t.counts.refused).toBe(URL_SHAPES.length * 2);
    expect(t.counts.report).toBeGreaterThan(20);
  });
});
