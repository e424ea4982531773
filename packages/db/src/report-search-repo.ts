// Report search: full text (websearch_to_tsquery, ranked by ts_rank_cd), look-alike domains
// (pg_trgm word similarity, used as a filter: results stay newest first, so a common look-alike is
// not scored on every matching row) and filters, with keyset pagination. Snippets (ts_headline) and
// similarity scores are computed only for the rows of the returned page.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "./schema.ts";

export type Verdict = "phishing" | "suspicious" | "legitimate";
/** Text queries are ranked; everything else (look-alike domains included) is newest first. */
export type SearchOrder = "rank" | "time";

/** Where the previous page ended: its last row's sort value (as Postgres printed it) and id. */
export interface SearchPosition {
  value: string;
  id: string;
  /** Ranked search only: the instant the first page pinned its candidate window to (ISO 8601). */
  asOf?: string;
}

export interface ReportSearchQuery {
  accountId: string;
  /** Web-search syntax: words, "phrases", -negation, or. Any text is a valid query. */
  text?: string;
  /** A domain or fragment to find look-alikes of (`paypa1`). */
  domain?: string;
  verdicts?: Verdict[];
  /** created_at >= from */
  from?: Date;
  /** created_at < to */
  to?: Date;
  limit: number;
  after?: SearchPosition;
}

export interface ReportSearchHit {
  id: string;
  created_at: string;
  kind: "email" | "url";
  verdict: Verdict;
  score: number;
  subject: string | null;
  sender_domain: string | null;
  link_domains: string[];
  /** Matched words between « and » (plain text: render it as text, not HTML). */
  snippet: string | null;
  rank: number | null;
  domain_similarity: number | null;
}

export interface ReportSearchPage {
  order: SearchOrder;
  /** True when a ranked search had more matches than RANK_WINDOW: only the newest were ranked. */
  rankWindowFull: boolean;
  hits: ReportSearchHit[];
  next: SearchPosition | null;
}

export function searchOrder(q: Pick<ReportSearchQuery, "text" | "domain">): SearchOrder {
  return q.text !== undefined ? "rank" : "time";
}

const HEADLINE_OPTIONS = 'StartSel=«, StopSel=», MaxWords=30, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * Ranked search scores at most this many matches: the newest ones (as of the first page). Ranking
 * must read every candidate's tsvector, so without a bound a common word in a big account costs
 * seconds; with it, the cost is flat. Narrow with from/to to reach further back.
 */
export const RANK_WINDOW = 2_000;

type Row = {
  id: string; created_at: Date; kind: "email" | "url"; verdict: Verdict; score: number; subject: string | null;
  sender_domain: string | null; link_domains: string[]; sort_value: string; rank: number | null; domain_similarity: number | null;
  snippet: string | null; candidates: string | null;
};

export async function searchReports(db: Kysely<Database>, q: ReportSearchQuery): Promise<ReportSearchPage> {
  const order = searchOrder(q);
  const tsquery = sql`websearch_to_tsquery('english', ${q.text ?? ""})`;

  const conditions: RawBuilder<unknown>[] = [sql`r.account_id = ${q.accountId}`];
  if (q.text !== undefined) conditions.push(sql`r.search_vector @@ ${tsquery}`);
  if (q.domain !== undefined) conditions.push(sql`${q.domain} <% r.domains_text`);
  if (q.verdicts && q.verdicts.length > 0) conditions.push(sql`r.verdict = ANY(${q.verdicts}::text[])`);
  if (q.from) conditions.push(sql`r.created_at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) conditions.push(sql`r.created_at < ${q.to.toISOString()}::timestamptz`);
  const where = sql.join(conditions, sql` AND `);

  const similarity = q.domain !== undefined ? sql`word_similarity(${q.domain}, r.domains_text)` : sql`NULL::real`;
  const snippet = q.text !== undefined ? sql`ts_headline('english', concat_ws(' — ', r.subject, r.body_text), ${tsquery}, ${HEADLINE_OPTIONS})` : sql`NULL::text`;
  const columns = sql`r.id, r.created_at, r.kind, r.verdict, r.score, r.subject, r.sender_domain, r.link_domains,
                      ${similarity} AS domain_similarity, ${snippet} AS snippet`;

  const asOf = q.after?.asOf ?? new Date().toISOString();
  let rows: Row[];
  if (order === "rank") {
    // The window is pinned to the first page's time, so later pages rank the same candidates even
    // while new reports arrive; the cursor (rank, id) then walks that fixed, ordered set.
    const after = q.after ? sql`WHERE (sort_key, id) < (${q.after.value}::real, ${q.after.id})` : sql``;
    ({ rows } = await sql<Row>`
      WITH candidates AS MATERIALIZED (
        SELECT r.id FROM reports r
        WHERE ${where} AND r.created_at <= ${asOf}::timestamptz
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT ${RANK_WINDOW}
      ), ranked AS (
        SELECT r.id, ts_rank_cd(r.search_vector, ${tsquery}) AS sort_key
        FROM candidates c JOIN reports r ON r.id = c.id
      ), page AS (
        SELECT id, sort_key FROM ranked ${after}
        ORDER BY sort_key DESC, id DESC
        LIMIT ${q.limit + 1}
      )
      SELECT ${columns}, page.sort_key::text AS sort_value, page.sort_key AS rank,
             (SELECT count(*) FROM candidates)::text AS candidates
      FROM page JOIN reports r ON r.id = page.id
      ORDER BY page.sort_key DESC, page.id DESC`.execute(db));
  } else {
    // Newest first; the cursor carries created_at exactly as Postgres printed it (microseconds, UTC).
    const after = q.after ? sql`AND (r.created_at, r.id) < ((${q.after.value}::timestamp AT TIME ZONE 'UTC'), ${q.after.id})` : sql``;
    ({ rows } = await sql<Row>`
      WITH page AS (
        SELECT r.id, r.created_at FROM reports r
        WHERE ${where} ${after}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT ${q.limit + 1}
      )
      SELECT ${columns}, to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_value,
             NULL::real AS rank, NULL::text AS candidates
      FROM page JOIN reports r ON r.id = page.id
      ORDER BY page.created_at DESC, page.id DESC`.execute(db));
  }

  const more = rows.length > q.limit;
  const pageRows = more ? rows.slice(0, q.limit) : rows;
  const last = pageRows.at(-1);
  return {
    order,
    next: more && last ? { value: last.sort_value, id: last.id, ...(order === "rank" ? { asOf } : {}) } : null,
    rankWindowFull: order === "rank" && Number(rows[0]?.candidates ?? 0) >= RANK_WINDOW,
    hits: pageRows.map((r) => ({
      id: r.id,
      created_at: new Date(r.created_at).toISOString(),
      kind: r.kind,
      verdict: r.verdict,
      score: r.score,
      subject: r.subject,
      sender_domain: r.sender_domain,
      link_domains: r.link_domains,
      snippet: r.snippet,
      rank: r.rank === null ? null : Number(r.rank),
      domain_similarity: r.domain_similarity === null ? null : Number(r.domain_similarity),
    })),
  };
}
