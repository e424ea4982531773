// Strings whose length counts characters (code points), as JSON Schema's minLength/maxLength do,
// not UTF-16 units: "😀" is one character to the API and to its document.
import { z } from "@hono/zod-openapi";

export interface TextRule {
  min?: number;
  max: number;
  pattern?: RegExp;
  /** The message when the pattern does not match. */
  hint?: string;
  /** Admit NUL and unpaired surrogates: only for secrets that are hashed, never stored as text (passwords). */
  anyText?: boolean;
}

// Postgres text cannot hold NUL (the insert or lookup failed: a 500), and an unpaired surrogate is not
// Unicode (UTF-8 encoding turns it into U+FFFD, so what is stored is not what was sent). Found by fuzzing.
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function text(rule: TextRule) {
  const min = rule.min ?? 1;
  let schema = z.string().check(
    z.refine((value: string) => {
      const length = [...value].length;
      return length >= min && length <= rule.max;
    }, { message: `must be ${min} to ${rule.max} characters long`, abort: true }),
  );
  if (!rule.anyText) schema = schema.check(z.refine((value: string) => !NOT_TEXT.test(value), { message: "must not contain NUL characters or unpaired surrogates", abort: true }));
  if (rule.pattern) schema = schema.check(z.refine((value: string) => rule.pattern!.test(value), { message: rule.hint ?? "has a form that is not allowed" }));
  return schema.openapi({ minLength: min, maxLength: rule.max, ...(rule.pattern ? { pattern: rule.pattern.source } : {}) });
}
