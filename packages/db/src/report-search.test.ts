// The ranked-search window against the real Postgres: more matches than RANK_WINDOW are ranked
// by their newest RANK_WINDOW, paging walks exactly that set, and the flag says it was capped.
import { sql, type Kysely } from "kysely";
import { blindSearchTokens, generateKeyringSecret, loadKeyring } from "@traceo/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RANK_WINDOW, searchReports, type SearchPosition } from "./report-search-repo.ts";
import type { Database } from "./schema.ts";
import { createScratchDatabase, type ScratchDatabase } from "./test-support/scratch-database.ts";

let scratch: ScratchDatabase;
let db: Kysely<Database>;
const keyring = loadKeyring(generateKeyringSecret("s1"));

beforeAll(async () => {
  scratch = await createScratchDatabase("search");
  db = scratch.handle.db;
  await sql`INSERT INTO accounts (id, name) VALUES ('acc_s', 'search')`.execute(db);
  // RANK_WINDOW + 50 matching reports, one a minute; the oldest 50 fall outside the window. Every
  // third has the word in its subject too, so ranks differ; the blind token is computed once here.
  const [invoice, other] = await blindSearchTokens(keyring, ["invoice", "other"]);
  await sql`
    INSERT INTO reports (id, account_id, kind, verdict, score, probability, model_version, link_domains, result, search_key_id, subject_tokens, body_tokens, created_at)
    SELECT 'rep_' || lpad(i::text, 6, '0'), 'acc_s', 'email', 'phishing', 90, 0.9, 't', '{}', '{}', ${keyring.primaryKeyId},
           CASE WHEN i % 3 = 0 THEN ARRAY[${invoice}::bigint] ELSE ARRAY[${other}::bigint] END, ARRAY[${invoice}::bigint],
           timestamptz '2026-01-01 00:00:00Z' + make_interval(mins => i)
    FROM generate_series(1, ${RANK_WINDOW + 50}) AS i`.execute(db);
});
afterAll(async () => scratch?.drop());

describe("ranked search window", () => {
  it("ranks the newest RANK_WINDOW matches, pages through them once each, and says it was capped", async () => {
    const seen = new Set<string>();
    let after: SearchPosition | undefined;
    let pages = 0;
    let capped = false;
    let lastRank = Infinity;
    do {
      const page = await searchReports(db, keyring, { accountId: "acc_s", text: "invoice", limit: 50, ...(after ? { after } : {}) });
      capped ||= page.rankWindowFull;
      for (const hit of page.hits) {
        expect(seen.has(hit.id)).toBe(false);
        expect(hit.rank!).toBeLessThanOrEqual(lastRank);
        lastRank = hit.rank!;
        seen.add(hit.id);
      }
      after = page.next ?? undefined;
      pages += 1;
    } while (after && pages < 100);
    expect(capped).toBe(true);
    expect(seen.size).toBe(RANK_WINDOW);
    expect(seen.has("rep_000050")).toBe(false); // among the 50 oldest
    expect(seen.has("rep_000051")).toBe(true);
  });

  it("a narrower time range reaches the older matches", async () => {
    const page = await searchReports(db, keyring, { accountId: "acc_s", text: "invoice", to: new Date("2026-01-01T00:51:00Z"), limit: 50 });
    expect(page.rankWindowFull).toBe(false);
    expect(page.hits.map((h) => h.id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `rep_${String(i + 1).padStart(6, "0")}`));
  });
});
