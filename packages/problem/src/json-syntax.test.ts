import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, positionAt } from "./json-syntax.ts";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The offset V8 names in its message ("… in JSON at position 7"), when it names one. */
function engineOffset(text: string): number | undefined {
  try {
    JSON.parse(text);
  } catch (err) {
    const at = / at position (\d+)/.exec((err as Error).message);
    if (at) return Number(at[1]);
  }
  return undefined;
}

// JSON-ish text: valid documents, then cut, with characters inserted or replaced.
const jsonish = fc.oneof(
  fc.json().map((s) => s),
  fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", "}", "]", ",", ":", '"', "\\", "\\u12", "-", ".", "e", "tru", "\u0000", "\n", "01", "1.", "1e", "[", "{")).map(([s, at, insert]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + insert + s.slice(i + (at % 2));
  }),
  fc.string({ unit: fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "\\", "u", "0", "1", "-", "+", ".", "e", "E", "t", "r", "n", " ", "\n", "a") }),
);

describe("jsonErrorOffset", () => {
  it("finds an error exactly when JSON.parse refuses, at the offset V8 names when it names one", () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const offset = jsonErrorOffset(text);
        expect(offset === -1, JSON.stringify(text)).toBe(parses(text));
        const engine = engineOffset(text);
        if (engine !== undefined) expect(offset, JSON.stringify(text)).toBe(engine);
      }),
      { seed: 20261204, numRuns: 5_000 },
    );
  });

  it.each([
    ['{"a":}', 5],
    ["abc", 0],
    ['{"a":1,}', 7],
    ["[1,2", 4],
    ["tru", 3],
    ['{"a": 1} x', 9],
    ["\ufeff{}", 0],
  ])("%j: offset %i", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("takes a deeply nested body without recursion", () => {
    expect(jsonErrorOffset("[".repeat(200_000) + "]".repeat(200_000))).toBe(-1);
    expect(jsonErrorOffset("[".repeat(200_000))).toBe(200_000);
  });
});

describe("positionAt", () => {
  it("counts lines and characters (a surrogate pair is one)", () => {
    expect(positionAt('{"a":}', 5)).toEqual({ line: 1, column: 6 });
    expect(positionAt('{\n  "😀": x', 10)).toEqual({ line: 2, column: 8 });
  });
});
