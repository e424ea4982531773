// `--api URL`: each item goes to a running server's /v1/analyze/email or /v1/analyze/url.
// 429 waits for Retry-After and tries again (the per-minute window refills); 502/503/504 are retried a
// few times; a refused key, a missing endpoint, a 500 or an unreachable server stop the whole scan.
// Per-message refusals (400, 413, 415, 422) are that message's error and the scan goes on.
import type { Work } from "../inputs/work.ts";
import { emptyMessageError, problemDetail, type Analyzer, type Outcome, type Report } from "./outcome.ts";

export class FatalApiError extends Error {
  override readonly name = "FatalApiError";
}

export interface RemoteOptions {
  base: string;
  key: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, e.g. to show it next to the progress bar. */
  onWait?: (seconds: number, status: number) => void;
}

/** Longer waits mean an hourly or daily window is spent: waiting it out is not what a user wants. */
export const MAX_RETRY_AFTER_SECONDS = 60;
const MAX_RATE_LIMITED_TRIES = 30;
const MAX_UNAVAILABLE_TRIES = 4;
const ITEM_ERRORS = new Set([400, 413, 415, 422]);

/** Retry-After is delay-seconds or an HTTP date; absent or unreadable means "soon". */
export function retryAfterSeconds(value: string | null, now = Date.now()): number {
  if (value === null || value.trim() === "") return 1;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now) / 1000));
}

async function problemOf(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const doc = JSON.parse(text) as { title?: string; detail?: string; errors?: { path: string; message: string }[] };
    return problemDetail(doc.detail ?? doc.title ?? text, doc.errors);
  } catch {
    return text.slice(0, 300) || res.statusText;
  }
}

function describe(work: Work): string {
  if (work.kind === "url") return work.url;
  const s = work.source;
  return s.index === null ? String(s.file) : `${s.file} message ${s.index}`;
}

export function remoteAnalyzer(opts: RemoteOptions): Analyzer {
  const base = opts.base.replace(/(?<!\/)\/+$/, "");
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const request = (work: Work): Promise<Response> => {
    const headers = { authorization: `Bearer ${opts.key}`, "user-agent": "traceo-cli" };
    return work.kind === "email"
      ? doFetch(`${base}/v1/analyze/email`, { method: "POST", headers: { ...headers, "content-type": "message/rfc822" }, body: work.raw })
      : doFetch(`${base}/v1/analyze/url`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ url: work.url }) });
  };

  return async (work: Work): Promise<Outcome> => {
    // Nothing to send; said as the in-process scan says it (the API's 400 is worded for HTTP clients).
    if (work.kind === "email" && work.raw.length === 0) return { error: emptyMessageError(work.source) };
    let rateLimited = 0;
    let unavailable = 0;
    for (;;) {
      let res: Response;
      try {
        res = await request(work);
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new FatalApiError(`cannot reach the API at ${base}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
      }
      if (res.ok) {
        try {
          return { report: (await res.json()) as Report };
        } catch {
          throw new FatalApiError(`the API at ${base} answered ${res.status} without a JSON report for ${describe(work)}: is --api the server's base address?`);
        }
      }
      if (ITEM_ERRORS.has(res.status)) return { error: { status: res.status, detail: await problemOf(res) } };
      if (res.status === 401 || res.status === 403) {
        throw new FatalApiError(`the API refused the key (${res.status}): ${await problemOf(res)} Pass a valid key with --key or TRACEO_API_KEY.`);
      }
      if (res.status === 404 || res.status === 405) {
        throw new FatalApiError(`${base} has no analyze endpoint (${res.status}): is --api the server's base address, e.g. http://127.0.0.1:8787?`);
      }
      const wait = retryAfterSeconds(res.headers.get("retry-after"));
      if (res.status === 429) {
        const detail = await problemOf(res);
        if (wait > MAX_RETRY_AFTER_SECONDS || ++rateLimited >= MAX_RATE_LIMITED_TRIES) {
          throw new FatalApiError(`rate limited (429, Retry-After ${wait} s): ${detail} Try later, lower --concurrency, or use a key of a higher tier.`);
        }
        opts.onWait?.(wait, 429);
        await sleep(wait * 1000);
        continue;
      }
      const detail = await problemOf(res);
      if ((res.status === 502 || res.status === 503 || res.status === 504) && ++unavailable < MAX_UNAVAILABLE_TRIES && wait <= MAX_RETRY_AFTER_SECONDS) {
        opts.onWait?.(wait, res.status);
        await sleep(wait * 1000);
        continue;
      }
      throw new FatalApiError(`the API failed with ${res.status} on ${describe(work)}: ${detail}`);
    }
  };
}
