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
  hits: ReportSearchHit[];
  next: SearchPosition | null;
}

export function searchOrder(q: Pick<ReportSearchQuery, "text" | "domain">): SearchOrder {
  return q.text !== undefined ? "rank" : "time";
}

const HEADLINE_OPTIONS = 'StartSel=«, StopSel=», MaxWords=30, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';

export async function searchReports(db: Kysely<Database>, q: ReportSearchQuery): Promise<ReportSearchPage> {
  const order = searchOrder(q);
  const tsquery = sql`websearch_to_tsquery('english', ${q.text ?? ""})`;
  const sortKey: RawBuilder<unknown> = order === "rank" ? sql`ts_rank_cd(r.search_vector, ${tsquery})` : sql`r.created_at`;
  // The cursor carries the value exactly as Postgres printed it; it is cast back to the same type.
  const sortText = order === "time" ? sql`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` : sql`(${sortKey})::text`;
  const cursorValue = (v: string) => (order === "time" ? sql`(${v}::timestamp AT TIME ZONE 'UTC')` : sql`${v}::real`);

  const conditions: RawBuilder<unknown>[] = [sql`r.account_id = ${q.accountId}`];
  if (q.text !== undefined) conditions.push(sql`r.search_vector @@ ${tsquery}`);
  if (q.domain !== undefined) conditions.push(sql`${q.domain} <% r.domains_text`);
  if (q.verdicts && q.verdicts.length > 0) conditions.push(sql`r.verdict = ANY(${q.verdicts}::text[])`);
  if (q.from) conditions.push(sql`r.created_at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) conditions.push(sql`r.created_at < ${q.to.toISOString()}::timestamptz`);
  if (q.after) conditions.push(sql`(${sortKey}, r.id) < (${cursorValue(q.after.value)}, ${q.after.id})`);

  const snippet = q.text !== undefined ? sql`ts_headline('english', concat_ws(' — ', page.subject, page.body_text), ${tsquery}, ${HEADLINE_OPTIONS})` : sql`NULL::text`;
  const { rows } = await sql<{
    id: string; created_at: Date; kind: "email" | "url"; verdict: Verdict; score: number; subject: string | null;
    sender_domain: string | null; link_domains: string[]; sort_value: string; rank: number | null; domain_similarity: number | null; snippet: string | null;
  }>`
    WITH page AS (
      SELECT r.id, r.created_at, r.kind, r.verdict, r.score, r.subject, r.sender_domain, r.link_domains, r.body_text, r.domains_text,
             ${sortKey} AS sort_key, ${sortText} AS sort_value,
             ${q.text !== undefined ? sql`ts_rank_cd(r.search_vector, ${tsquery})` : sql`NULL::real`} AS rank
      FROM reports r
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${sortKey} DESC, r.id DESC
      LIMIT ${q.limit + 1}
    )
    SELECT page.id, page.created_at, page.kind, page.verdict, page.score, page.subject, page.sender_domain, page.link_domains,
           page.sort_value, page.rank, ${q.domain !== undefined ? sql`word_similarity(${q.domain}, page.domains_text)` : sql`NULL::real`} AS domain_similarity,
           ${snippet} AS snippet
    FROM page
    ORDER BY page.sort_key DESC, page.id DESC`.execute(db);

  const more = rows.length > q.limit;
  const pageRows = more ? rows.slice(0, q.limit) : rows;
  const last = pageRows.at(-1);
  return {
    order,
    next: more && last ? { value: last.sort_value, id: last.id } : null,
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
