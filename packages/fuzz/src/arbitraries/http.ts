// Request bodies and query strings for fuzzing JSON endpoints, and the check every answer must pass.
// Portable: used inside workerd by the integration tests of each function.
import fc from "fast-check";

export interface FuzzBody {
  body: string | Uint8Array;
  contentType: string | null;
}

/** Values a field can hold: wrong types, huge and odd strings (NUL, lone surrogates, RTL), deep JSON. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud800", "\udfff x", "\u202eevil", "😀".repeat(50), "-1", "1e308", "null", "true", "[]", "{}", "<script>", "' OR 1=1 --", "%00", "../../"),
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, false, null, [], {}, [null], { a: { b: { c: [] } } }),
  fc.integer({ min: 1000, max: 20_000 }).chain((n) => fc.constantFrom("x".repeat(n), "é".repeat(n), "\u0000".repeat(n))),
);

/** Values every field of a valid body is tried with, one field at a time (fieldSweep). */
export const POISON_VALUES: readonly unknown[] = ["a\u0000b", "a\ud800b", "\udfff", "\u202eevil\u200b", "x".repeat(10_000), "", " ", 0, -1, 1e308, true, null, [], ["a\u0000"], { a: 1 }];

/** The valid body, then each field replaced by each poison value: a deterministic sweep, no randomness. */
export function fieldSweep(valid: Record<string, unknown>): FuzzBody[] {
  return Object.keys(valid).flatMap((name) => POISON_VALUES.map((value) => ({ body: JSON.stringify({ ...valid, [name]: value }), contentType: "application/json" })));
}

const CONTENT_TYPES = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json; charset=latin1",
  "application/problem+json",
  "application/vnd.api+json",
  "text/plain",
  "text/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "message/rfc822",
  "",
  ";;;",
);

const invalidUtf8 = fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xa0, 0xf0, 0xf8, 0xfe, 0xff, 0x00), { minLength: 1, maxLength: 8 });

/** A valid body with one or two fields replaced by anything, removed, or joined by a stranger. */
export function mutatedBodies(valid: Record<string, unknown>): fc.Arbitrary<string> {
  const names = Object.keys(valid);
  const change = fc.oneof({ weight: 7, arbitrary: fieldValue.map((value) => ({ value })) }, fc.constant({ remove: true as const }));
  const edit = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, fc.string({ maxLength: 8 })), change);
  return fc.array(edit, { minLength: 1, maxLength: 2 }).map((edits) => {
    const body: Record<string, unknown> = { ...valid };
    for (const [name, c] of edits) {
      if ("remove" in c) delete body[name];
      else body[name] = c.value;
    }
    return JSON.stringify(body);
  });
}

/**
 * Bodies for a JSON endpoint with these field names: mostly JSON objects of the right names holding
 * anything, and (given a valid body) that body with a field or two changed, which reaches the handler.
 */
export function jsonBodies(fields: readonly string[], valid?: Record<string, unknown>): fc.Arbitrary<FuzzBody> {
  const withFields = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fields) }, fc.string({ maxLength: 12 })), fieldValue, { maxKeys: fields.length + 2 });
  const text = fc.oneof(
    ...(valid ? [{ weight: 6, arbitrary: mutatedBodies(valid) }] : []),
    { weight: 6, arbitrary: withFields.map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null"),
    fc.string({ maxLength: 100 }),
    fc.constantFrom("", "{", "[", '{"a":', "{}".repeat(10), "[".repeat(5000), '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {}}}'),
  );
  const bytes = fc
    .tuple(fc.constantFrom(...fields), invalidUtf8)
    .map(([field, bad]) => new Uint8Array([...new TextEncoder().encode(`{"${field}": "`), ...bad, ...new TextEncoder().encode(`"}`)]));
  return fc.record({
    body: fc.oneof({ weight: 8, arbitrary: text }, bytes),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("application/json") }, { weight: 3, arbitrary: CONTENT_TYPES }, fc.constant(null)),
  });
}

/** A query string of these parameter names (and others), values anything, names sometimes repeated. */
export function queryStrings(names: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("", "\u0000", "%", "%zz", "1e9", "-1", "99999", "0", "2026-13-45", "2026-12-04T00:00:00Z", "phishing,,", "phishing, suspicious", "a".repeat(5000), "\ud800"),
  );
  const pair = fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, fc.string({ maxLength: 8 })), value, fc.boolean());
  return fc.array(pair, { maxLength: names.length + 2 }).map((pairs) =>
    pairs
      // Most values are percent-encoded; some go raw, as a hand-typed URL would carry them.
      .map(([k, v, raw]) => `${encodeURIComponent(k)}=${raw ? v.replace(/[#\s]/g, "") : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"))}`)
      .join("&"),
  );
}

/**
 * What is wrong with an answer: a 5xx, or a 4xx that is not problem+json carrying its status and a
 * title. Empty when the answer is acceptable. Reads the body.
 */
export async function answerProblems(res: Response): Promise<string[]> {
  const text = await res.text();
  if (res.status >= 500) return [`status ${res.status}: ${text.slice(0, 300)}`];
  if (res.status < 400) return [];
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) return [`${res.status} with content-type ${type}: ${text.slice(0, 200)}`];
  let doc: { status?: unknown; title?: unknown };
  try {
    doc = JSON.parse(text);
  } catch {
    return [`${res.status} problem+json that is not JSON: ${text.slice(0, 200)}`];
  }
  if (doc.status !== res.status || typeof doc.title !== "string" || doc.title === "") return [`${res.status} problem without matching status and title: ${text.slice(0, 200)}`];
  return [];
}

/** Describes a body for a failure message (bytes as hex, long text cut). */
export function describeBody(b: FuzzBody): string {
  const body = typeof b.body === "string" ? JSON.stringify(b.body.slice(0, 200)) : `bytes ${[...b.body.slice(0, 60)].map((x) => x.toString(16).padStart(2, "0")).join("")}`;
  return `content-type ${JSON.stringify(b.contentType)}, body ${body}`;
}
