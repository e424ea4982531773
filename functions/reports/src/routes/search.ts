// GET /v1/reports?q=&verdict=&from=&to=&domain=&cursor=&limit= — the caller's account's reports:
// text search over the blind token index (web-search syntax; any text is valid), look-alike domains,
// filters, keyset paging. Subjects and snippets are decrypted with the keyring for the returned page only.
import { searchOrder, searchReports, type Verdict } from "@traceo/db";
import type { Schema } from "hono";
import { problems } from "@traceo/problem";
import type { ReportsApp } from "../app-types.ts";
import { MAX_QUERY_CHARS } from "../limits.ts";
import { searchRoute } from "../schemas.ts";
import { decodeCursor, encodeCursor, queryFingerprint } from "../cursor.ts";
import { invalidParam, parseInstant, parseLimit, parseText } from "../query-params.ts";

const VERDICTS: readonly Verdict[] = ["phishing", "suspicious", "legitimate"];
const DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

function parseVerdicts(raw: string | undefined): Verdict[] | undefined {
  if (raw === undefined || raw === "") return undefined;
  const parts = raw.split(",").map((v) => v.trim());
  const wrong = parts.filter((v) => !(VERDICTS as readonly string[]).includes(v));
  if (wrong.length > 0 || parts.length > 3) invalidParam("verdict", `use one or more of ${VERDICTS.join(", ")}, separated by commas.`);
  return [...new Set(parts)].sort() as Verdict[];
}

function parseDomain(raw: string | undefined): string | undefined {
  const text = parseText("domain", raw, 253)?.trim().toLowerCase();
  if (text === undefined || text === "") return undefined;
  if (text.length < 3 || !DOMAIN.test(text)) invalidParam("domain", "expected a domain or part of one (at least 3 letters, digits, dots or hyphens), e.g. paypa1 or paypal.com.");
  return text;
}

/** The query's form is checked by searchRoute's schema; these parsers read the values. */
export function registerSearch<S extends Schema>(app: ReportsApp<S>) {
  return app.openapi(searchRoute, async (c) => {
    const rawQ = parseText("q", c.req.query("q"), MAX_QUERY_CHARS);
    const text = rawQ === undefined || rawQ.trim() === "" ? undefined : rawQ;
    const domain = parseDomain(c.req.query("domain"));
    const verdicts = parseVerdicts(c.req.query("verdict"));
    const from = parseInstant("from", c.req.query("from"));
    const to = parseInstant("to", c.req.query("to"));
    if (from && to && from.getTime() >= to.getTime()) invalidParam("from", "must be earlier than `to`.");
    const limit = parseLimit(c.req.query("limit"), 20, 50);

    const order = searchOrder({ text, domain });
    const fingerprint = queryFingerprint([text ?? null, domain ?? null, verdicts ?? null, from?.toISOString() ?? null, to?.toISOString() ?? null]);
    const rawCursor = c.req.query("cursor");
    let after;
    if (rawCursor !== undefined && rawCursor !== "") {
      const decoded = decodeCursor(rawCursor, order, fingerprint);
      if ("error" in decoded) invalidParam("cursor", decoded.error);
      after = decoded;
    }

    const key = c.get("apiKey");
    let page;
    try {
      const { database, keyring } = c.get("services");
      page = await searchReports(database().db, keyring, {
        accountId: key.accountId, limit,
        ...(text !== undefined ? { text } : {}), ...(domain !== undefined ? { domain } : {}),
        ...(verdicts ? { verdicts } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(after ? { after } : {}),
      });
    } catch (err) {
      console.error(JSON.stringify({ level: "error", msg: "report search failed", requestId: c.get("requestId"), error: String(err) }));
      throw problems.serviceUnavailable("Reports cannot be searched right now.");
    }
    return c.json({
      order: page.order,
      results: page.hits,
      next_cursor: page.next ? encodeCursor(page.order, page.next, fingerprint) : null,
      // Ranked search scores the newest RANK_WINDOW matches; true means older matches exist (narrow with from/to).
      rank_window_full: page.rankWindowFull,
    }, 200);
  });
}
