// Report search over the blind token index (migration 0008): the query is tokenised and blinded in
// TypeScript (under every key of the ring, for rows not yet re-blinded after a rotation) and matched
// with `search_tokens @> ...` (GIN); look-alike domains use pg_trgm word similarity as a filter
// (results stay newest first); keyset pagination. Subjects and snippets are decrypted here, only for
// the rows of the returned page.
import { sql, type Kysely, type RawBuilder } from "kysely";
import { blindSearchTokens, decryptFieldText, type Keyring } from "@traceo/crypto";
import type { Database } from "./schema.ts";
import { buildSnippet, parseSearchQuery, type ParsedSearchQuery } from "./search-text.ts";
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
  /** Web-search syntax: words, "phrases" (all their words), -negation, or. Any text is a valid query. */
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
  /** Matched words between « and » (plain text: render it as text, not HTML), from the decrypted subject and body. */
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

/**
 * Ranked search scores at most this many matches: the newest ones (as of the first page). Ranking
 * reads every candidate's token arrays, so without a bound a common word in a big account costs
 * seconds; with it, the cost is flat. Narrow with from/to to reach further back.
 */
export const RANK_WINDOW = 2_000;

/** Rank = 3 x query words in the subject + 2 x in the domains + 1 x in the body; ties: newest first (id). */
const RANK_WEIGHTS = { subject: 3, domain: 2, body: 1 } as const;

type Row = {
  id: string; created_at: Date; kind: "email" | "url"; verdict: Verdict; score: number; subject_enc: Uint8Array | null; body_text_enc: Uint8Array | null;
  sender_domain: string | null; link_domains: string[]; sort_value: string; rank: number | null; domain_similarity: number | null; candidates: string | null;
};

const bigints = (tokens: readonly string[]) => sql`${tokens}::bigint[]`;

/** The text condition for rows keyed by one key id: any group, each with all its words and none of its exclusions. */
async function keyedMatch(keyring: Keyring, keyId: string, query: ParsedSearchQuery): Promise<{ match: RawBuilder<unknown>; terms: string[] }> {
  const groups = await Promise.all(
    query.groups.map(async (g) => {
      const parts: RawBuilder<unknown>[] = [];
      if (g.all.length > 0) parts.push(sql`r.search_tokens @> ${bigints(await blindSearchTokens(keyring, g.all, keyId))}`);
      for (const none of g.none) parts.push(sql`NOT coalesce(r.search_tokens @> ${bigints(await blindSearchTokens(keyring, none, keyId))}, false)`);
      return sql`(${sql.join(parts, sql` AND `)})`;
    }),
  );
  return { match: sql`(r.search_key_id = ${keyId} AND (${sql.join(groups, sql` OR `)}))`, terms: await blindSearchTokens(keyring, query.terms, keyId) };
}

async function reveal(keyring: Keyring, row: Row, terms: readonly string[] | undefined): Promise<{ subject: string | null; snippet: string | null }> {
  const open = (column: "subject_enc" | "body_text_enc") => {
    const envelope = row[column];
    return envelope ? decryptFieldText(keyring, { table: "reports", column, rowId: row.id }, envelope) : Promise.resolve(null);
  };
  const [subject, body] = await Promise.all([open("subject_enc"), terms ? open("body_text_enc") : null]);
  if (!terms) return { subject, snippet: null };
  const text = [subject, body].filter((t): t is string => !!t).join(" — ");
  return { subject, snippet: text === "" ? null : buildSnippet(text, terms) };
}

export async function searchReports(db: Kysely<Database>, keyring: Keyring, q: ReportSearchQuery): Promise<ReportSearchPage> {
  const order = searchOrder(q);
  const parsed = q.text !== undefined ? parseSearchQuery(q.text) : undefined;
  // Only stop words or symbols: nothing can match (as websearch_to_tsquery's empty query).
  if (parsed && parsed.groups.length === 0) return { order, rankWindowFull: false, hits: [], next: null };

  const conditions: RawBuilder<unknown>[] = [sql`r.account_id = ${q.accountId}`];
  let rankTerms: RawBuilder<unknown> = sql`NULL::bigint[]`;
  if (parsed) {
    // Every key of the ring, the primary first: rows keep the key they were blinded under until rotated.
    const ids = [keyring.primaryKeyId, ...keyring.keyIds.filter((id) => id !== keyring.primaryKeyId)];
    const keyed = await Promise.all(ids.map((id) => keyedMatch(keyring, id, parsed)));
    conditions.push(sql`(${sql.join(keyed.map((k) => k.match), sql` OR `)})`);
    rankTerms = sql`(CASE r.search_key_id ${sql.join(ids.map((id, i) => sql`WHEN ${id} THEN ${bigints(keyed[i]!.terms)}`), sql` `)} END)`;
  }
  if (q.domain !== undefined) conditions.push(sql`${q.domain} <% r.domains_text`);
  if (q.verdicts && q.verdicts.length > 0) conditions.push(sql`r.verdict = ANY(${q.verdicts}::text[])`);
  if (q.from) conditions.push(sql`r.created_at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) conditions.push(sql`r.created_at < ${q.to.toISOString()}::timestamptz`);
  const where = sql.join(conditions, sql` AND `);

  const similarity = q.domain !== undefined ? sql`word_similarity(${q.domain}, r.domains_text)` : sql`NULL::real`;
  const columns = sql`r.id, r.created_at, r.kind, r.verdict, r.score, r.subject_enc, ${parsed ? sql`r.body_text_enc` : sql`NULL::bytea`} AS body_text_enc,
                      r.sender_domain, r.link_domains, ${similarity} AS domain_similarity`;
  const matched = (tokens: string) => sql`(SELECT count(*) FROM unnest(qt.terms) AS t WHERE t = ANY(r.${sql.raw(tokens)}))`;

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
        SELECT r.id, (${RANK_WEIGHTS.subject} * ${matched("subject_tokens")} + ${RANK_WEIGHTS.domain} * ${matched("domain_tokens")}
                      + ${RANK_WEIGHTS.body} * ${matched("body_tokens")})::real AS sort_key
        FROM candidates c JOIN reports r ON r.id = c.id
        CROSS JOIN LATERAL (SELECT ${rankTerms} AS terms) AS qt
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
  const revealed = await Promise.all(pageRows.map((r) => reveal(keyring, r, parsed?.terms)));
  return {
    order,
    next: more && last ? { value: last.sort_value, id: last.id, ...(order === "rank" ? { asOf } : {}) } : null,
    rankWindowFull: order === "rank" && Number(rows[0]?.candidates ?? 0) >= RANK_WINDOW,
    hits: pageRows.map((r, i) => ({
      id: r.id,
      created_at: new Date(r.created_at).toISOString(),
      kind: r.kind,
      verdict: r.verdict,
      score: r.score,
      subject: revealed[i]!.subject,
      sender_domain: r.sender_domain,
      link_domains: r.link_domains,
      snippet: revealed[i]!.snippet,
      rank: r.rank === null ? null : Number(r.rank),
      domain_similarity: r.domain_similarity === null ? null : Number(r.domain_similarity),
    })),
  };
}
