// Parsing of query-string parameters shared by the routes. Every refusal is a 4xx problem naming
// the parameter, so no user input can reach the database in a shape it would reject with a 500.
import { problems } from "@traceo/problem";

export function invalidParam(name: string, message: string): never {
  throw problems.invalidRequest(`Query parameter \`${name}\`: ${message}`, [{ path: `/query/${name}`, message }]);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/i;
const MIN_YEAR = 2000;
const MAX_YEAR = 2999;

/** `2026-12-01` (midnight UTC) or an RFC 3339 date-time with an explicit offset; undefined when absent. */
export function parseInstant(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.length > 40) invalidParam(name, "expected a date (2026-12-01) or date-time (2026-12-01T08:00:00Z).");
  const m = DATE_ONLY.exec(raw) ?? DATE_TIME.exec(raw);
  if (!m) invalidParam(name, "expected a date (2026-12-01) or date-time with offset (2026-12-01T08:00:00Z).");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw);
  // Date.parse rolls 2026-02-31 over to March; a calendar check refuses it instead.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) invalidParam(name, `"${raw}" is not a real date.`);
  if (year < MIN_YEAR || year > MAX_YEAR) invalidParam(name, `the year must be between ${MIN_YEAR} and ${MAX_YEAR}.`);
  return date;
}

export function parseEnum<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) invalidParam(name, `must be one of ${allowed.join(", ")}.`);
  return raw as T;
}

export function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) invalidParam("limit", `must be a whole number from 1 to ${max}.`);
  return Number(raw);
}

/** Text fit for Postgres: no NUL (text cannot hold it) or other control characters except tab/newline. */
export function parseText(name: string, raw: string | undefined, maxChars: number): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.length > maxChars) invalidParam(name, `at most ${maxChars} characters (got ${raw.length}).`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(raw)) invalidParam(name, "must not contain control characters (such as NUL).");
  if (/[\uD800-\uDFFF]/.test(raw.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))) invalidParam(name, "is not valid Unicode text.");
  return raw;
}
