// Reading a JSON object body field by field: every wrong shape becomes a 4xx problem naming the field.
import type { Context } from "hono";
import { problems, readJsonBody } from "@traceo/problem";

export type JsonObject = Record<string, unknown>;

export async function readJsonObject(c: Context): Promise<JsonObject> {
  const body = await readJsonBody(c);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw problems.invalidRequest("Send a JSON object.");
  return body as JsonObject;
}

export interface StringRule {
  min?: number;
  max: number;
  pattern?: RegExp;
  hint?: string;
  /** Admit NUL and unpaired surrogates (route schemas refuse them otherwise): passwords only. */
  anyText?: boolean;
}

export function requiredString(body: JsonObject, name: string, rule: StringRule): string {
  const value = body[name];
  if (value === undefined || value === null) throw problems.invalidRequest(`\`${name}\` is required.`, [{ path: name, message: "required" }]);
  return checkString(value, name, rule);
}

export function optionalString(body: JsonObject, name: string, rule: StringRule): string | undefined {
  const value = body[name];
  return value === undefined || value === null ? undefined : checkString(value, name, rule);
}

function checkString(value: unknown, name: string, rule: StringRule): string {
  if (typeof value !== "string") throw problems.invalidRequest(`\`${name}\` must be a string.`, [{ path: name, message: "must be a string" }]);
  const length = [...value].length;
  if (length < (rule.min ?? 1) || length > rule.max) {
    throw problems.invalidRequest(`\`${name}\` must be ${rule.min ?? 1} to ${rule.max} characters long.`, [{ path: name, message: "wrong length" }]);
  }
  if (rule.pattern && !rule.pattern.test(value)) throw problems.invalidRequest(rule.hint ?? `\`${name}\` has a form that is not allowed.`, [{ path: name, message: "wrong form" }]);
  return value;
}
