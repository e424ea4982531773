// Runs the recheck ReDoS analyser over regexes with its pure-JavaScript backend (no Java, no native
// binary, no network). Its fuzzer is seeded (randomSeed 0) and bounded by counts only: the overall,
// attack and incubation time limits are off, because on a busy machine an attack that ran out of
// *time* can come back "vulnerable" (three linear lookbehind patterns failed a loaded CI run that way). The
// count limits (attackLimit, incubationLimit, sizes) stay at recheck's defaults, which also bound memory.
import { check, type Diagnostics, type Parameters } from "recheck";

process.env.RECHECK_BACKEND = "pure";

export const RECHECK_PARAMS: Parameters = { randomSeed: 0, timeout: null, attackTimeout: null, incubationTimeout: null };

export interface RegexVerdict {
  source: string;
  flags: string;
  status: Diagnostics["status"];
  /** For a vulnerable one: the complexity and an attack string recheck built. */
  detail: string;
}

export async function recheckAll(regexes: readonly { source: string; flags: string }[]): Promise<RegexVerdict[]> {
  const out: RegexVerdict[] = [];
  for (const { source, flags } of regexes) {
    const d = await check(source, flags, RECHECK_PARAMS);
    const detail = d.status === "vulnerable" ? `${d.complexity.summary}; attack ${d.attack.pattern}` : d.status === "unknown" ? JSON.stringify(d.error) : "";
    out.push({ source, flags, status: d.status, detail });
  }
  return out;
}

/** Distinct (source, flags) pairs, so a pattern used in seven files is analysed once. */
export function distinct<T extends { source: string; flags: string }>(regexes: readonly T[]): { source: string; flags: string; sites: T[] }[] {
  const byKey = new Map<string, { source: string; flags: string; sites: T[] }>();
  for (const r of regexes) {
    const key = `/${r.source}/${r.flags}`;
    const entry = byKey.get(key) ?? { source: r.source, flags: r.flags, sites: [] };
    entry.sites.push(r);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
