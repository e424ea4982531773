// Bulk data for the database benchmark, generated inside Postgres with generate_series (no rows
// cross the wire). Indexes are dropped during the load and rebuilt after, as any bulk load does.
// Search fields are blind tokens (migration 0008): the vocabulary is tokenised and blinded once here
// (the same searchTokens + blindSearchTokens as the Workers), and rows pick from those tokens in SQL.
// Bench rows carry no encrypted subject/body (NULL), so search timings exclude snippet decryption
// (two AES-GCM decryptions per returned row).
import { sql, type Kysely } from "kysely";
import { blindSearchTokens, type Keyring } from "@traceo/crypto";
import { searchTokens, type Database } from "@traceo/db";

const WORDS = `account verify password login secure update suspended locked unusual activity sign-in confirm identity
invoice payment overdue refund tax transfer wire bank card credit debit gift order shipment parcel delivery dhl fedex ups
paypal amazon apple microsoft office 365 outlook netflix docusign dropbox google drive shared document file voicemail
meeting agenda lunch project report quarterly newsletter webinar team schedule review budget contract proposal offer
urgent immediately action required within 24 hours click link below attached please kindly dear customer user member
wallet crypto bitcoin reward prize winner claim free bonus limited expire expired reactivate restore access mailbox quota
storage full upgrade subscription renewal cancelled failed declined receipt statement notice alert security team support
hello thanks regards friday monday weekend coffee holiday calendar invitation photo album birthday family community event`.split(/\s+/);

const SUBJECTS = [
  "Your account has been suspended", "Unusual sign-in activity detected", "Invoice overdue - action required", "Your parcel could not be delivered",
  "Verify your identity to restore access", "Password expires today", "Shared document waiting for you", "Payment declined: update your card",
  "Quarterly newsletter", "Team lunch on Friday", "Project review agenda", "Your order has shipped", "Tax refund available",
  "New voicemail message", "Mailbox storage full", "Gift card reward for you", "Urgent wire transfer request", "Webinar invitation",
  "Your subscription renewal", "Security alert for your Microsoft 365 account",
];

const DOMAINS = [
  "paypal.com", "paypa1.com", "paypal-secure-login.com", "secure-paypa1.net", "amazon.com", "amaz0n-orders.com", "microsoft.com", "micros0ft-365.com",
  "login-microsoftonline.help", "apple.com", "apple-id-locked.info", "dhl.com", "dhl-parcel-track.xyz", "docusign.net", "docu-sign-files.top",
  "netflix.com", "netfl1x-billing.com", "example.org", "newsletter.example.com", "corp.example", "bank-of-trust.com", "bank0f-trust-verify.com",
  "dropbox.com", "dr0pbox-share.net", "google.com", "goog1e-drive.site", "irs.gov", "irs-refund-claim.online", "fedex.com", "fedex-delivery.top",
];

const lit = (values: string[]) => sql.raw(`(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[])`);

const RARE_TOKENS = 50_000;

async function blinded(keyring: Keyring, text: string): Promise<string[]> {
  return blindSearchTokens(keyring, searchTokens(text));
}

/** A table of (idx, tokens) for each text, for joins by index (Postgres arrays cannot be ragged). */
async function tokenTable(db: Kysely<Database>, keyring: Keyring, name: string, texts: string[]): Promise<void> {
  await sql.raw(`CREATE TEMP TABLE ${name} (idx int PRIMARY KEY, tokens bigint[] NOT NULL)`).execute(db);
  for (const [idx, text] of texts.entries()) await sql`INSERT INTO ${sql.raw(name)} VALUES (${idx}, ${await blinded(keyring, text)}::bigint[])`.execute(db);
}

export async function generateReports(db: Kysely<Database>, keyring: Keyring, count: number): Promise<void> {
  await sql.raw(`INSERT INTO accounts (id, name) SELECT 'acc_bench_' || a, 'bench ' || a FROM generate_series(0, 99) AS a`).execute(db);
  await sql.raw(`DROP INDEX reports_search_tokens_idx; DROP INDEX reports_domains_trgm_idx; DROP INDEX reports_account_created_idx;`).execute(db);
  const words = await blinded(keyring, WORDS.join(" "));
  const rare = await blindSearchTokens(keyring, Array.from({ length: RARE_TOKENS }, (_, n) => `tok${n + 1}`));
  const numbers = await blindSearchTokens(keyring, Array.from({ length: 1000 }, (_, n) => String(n)));
  await tokenTable(db, keyring, "bench_subjects", SUBJECTS);
  await tokenTable(db, keyring, "bench_domains", DOMAINS);
  // Half the reports belong to one big account (the search benchmark's tenant); the rest spread over 99.
  await sql`
    INSERT INTO reports (id, account_id, kind, verdict, score, probability, model_version, sender_domain, link_domains, result,
                         search_key_id, subject_tokens, domain_tokens, body_tokens, created_at)
    SELECT 'rep_bench_' || lpad(i::text, 8, '0'),
           CASE WHEN i % 2 = 0 THEN 'acc_bench_0' ELSE 'acc_bench_' || (1 + i % 99) END,
           'email', v.verdict, v.score, v.score / 100.0, 'bench',
           ${lit(DOMAINS)}[1 + ds.idx], ARRAY[${lit(DOMAINS)}[1 + dl1.idx], ${lit(DOMAINS)}[1 + dl2.idx]],
           '{}'::jsonb, ${keyring.primaryKeyId},
           subj.tokens || (${numbers}::bigint[])[1 + i % 1000],
           ds.tokens || dl1.tokens || dl2.tokens,
           -- Mail-like vocabulary: a few common words per body plus a long tail (log-uniform over 50,000
           -- rare tokens), so a query word matches a realistic share of reports, not a quarter of them.
           -- Legitimate mail keeps no body tokens (the privacy trigger drops them, as in production).
           (SELECT array_agg(DISTINCT CASE WHEN g <= 8 THEN (${words}::bigint[])[1 + floor(random() * ${words.length})::int]
                                           ELSE (${rare}::bigint[])[floor(exp(random() * ln(${RARE_TOKENS})))::int] END)
            FROM generate_series(1, 30 + i % 50) AS g),
           now() - make_interval(secs => i * 31.5)
    FROM generate_series(1, ${count}) AS i
    CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 < 8 THEN 'phishing' WHEN i % 20 < 11 THEN 'suspicious' ELSE 'legitimate' END AS verdict,
                               CASE WHEN i % 20 < 8 THEN 90 WHEN i % 20 < 11 THEN 60 ELSE 5 END AS score) AS v
    JOIN bench_subjects subj ON subj.idx = ((i::bigint * 7919) % ${SUBJECTS.length})::int
    JOIN bench_domains ds ON ds.idx = ((i::bigint * 104729) % ${DOMAINS.length})::int
    JOIN bench_domains dl1 ON dl1.idx = ((i::bigint * 31) % ${DOMAINS.length})::int
    JOIN bench_domains dl2 ON dl2.idx = ((i::bigint * 17 + 3) % ${DOMAINS.length})::int`.execute(db);
  await sql.raw(`
    SET maintenance_work_mem = '1GB';
    CREATE INDEX reports_account_created_idx ON reports (account_id, created_at DESC, id DESC);
    CREATE INDEX reports_search_tokens_idx ON reports USING gin (search_tokens);
    CREATE INDEX reports_domains_trgm_idx ON reports USING gin (domains_text gin_trgm_ops);
    ANALYZE reports;`).execute(db);
}

/** Usage rows spread over the last `days` days for `keys` keys of 100 accounts. */
export async function generateUsage(db: Kysely<Database>, count: number, keys: number, days: number): Promise<void> {
  const at = new Date(Date.now() - days * 86_400_000).toISOString();
  await sql`SELECT * FROM traceo_maintain_log_partitions('api_key_usage', ${Math.ceil(days / 28) + 3}::int, 1200, ${at}::timestamptz)`.execute(db);
  await sql.raw(`DROP INDEX api_key_usage_key_time_idx; DROP INDEX api_key_usage_account_time_idx;`).execute(db);
  await sql`
    INSERT INTO api_key_usage (occurred_at, api_key_id, account_id, method, endpoint, status, latency_ms)
    SELECT now() - make_interval(secs => random() * ${days * 86_400}),
           'key_bench_' || k, 'acc_bench_' || (k % 100), 'POST',
           CASE WHEN i % 3 = 0 THEN '/v1/analyze/url' ELSE '/v1/analyze/email' END,
           CASE WHEN r < 0.93 THEN 200 WHEN r < 0.97 THEN 422 WHEN r < 0.99 THEN 429 ELSE 503 END,
           (5 + 200 * random() * random())::int
    FROM generate_series(1, ${count}) AS i,
         LATERAL (SELECT ((i::bigint * 7919) % ${keys})::int AS k, random() AS r) AS x`.execute(db);
  await sql.raw(`
    SET maintenance_work_mem = '1GB';
    CREATE INDEX api_key_usage_key_time_idx ON api_key_usage (api_key_id, occurred_at);
    CREATE INDEX api_key_usage_account_time_idx ON api_key_usage (account_id, occurred_at);
    ANALYZE api_key_usage;`).execute(db);
}

/** The comparison baseline: the same rows in one plain table, no partitions, no indexes. */
export async function copyUsageUnpartitioned(db: Kysely<Database>): Promise<void> {
  await sql.raw(`CREATE TABLE api_key_usage_flat AS SELECT * FROM api_key_usage; ANALYZE api_key_usage_flat;`).execute(db);
}
