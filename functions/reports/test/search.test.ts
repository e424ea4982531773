// GET /v1/reports: ranking, filters, keyset paging, look-alike domains, privacy, and hostile input.
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createKey, expectProblem, withDb } from "../../../test/support/harness.ts";
import { seedReports } from "./seed.ts";

type Hit = { id: string; verdict: string; subject: string | null; snippet: string | null; rank: number | null; domain_similarity: number | null; created_at: string };
type Page = { order: string; results: Hit[]; next_cursor: string | null };

async function search(key: string, params: Record<string, string>): Promise<Page> {
  const res = await call(`/v1/reports?${new URLSearchParams(params)}`, { key });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${text}`);
  return JSON.parse(text) as Page;
}

async function allPages(key: string, params: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = await search(key, { ...params, ...(cursor ? { cursor } : {}) });
    ids.push(...page.results.map((r) => r.id));
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, pages };
}

let key: string;
let accountId: string;
let ids = {} as Record<"inSubject" | "inBody" | "lookalike1" | "lookalike2" | "unrelated" | "legit" | "old", string>;

beforeAll(async () => {
  const created = await createKey({ name: "search", tier: "enterprise" });
  key = created.key;
  accountId = created.account_id;
  const [inSubject, inBody, lookalike1, lookalike2, unrelated, legit, old] = await seedReports(accountId, [
    { subject: "Your PayPal account has been limited", sender: "paypa1-secure.com", body: "Log in to restore access." },
    { subject: "Invoice 4471", sender: "billing.example.net", body: "Your paypal payment of 300 USD is pending. Confirm at the link." },
    { subject: "Security alert", sender: "service.paypa1.com", links: ["paypal-login.help"] },
    { subject: "Action required", sender: "mailer.example.org", links: ["secure-paypa1.net"] },
    { subject: "Quarterly newsletter", sender: "news.example.org", body: "Gardening tips for the spring." },
    { verdict: "legitimate", subject: "Team lunch", sender: "corp.example", body: "Lunch on friday with the zanzibar project team" },
    { subject: "Old parcel notice", sender: "parcel-track.example", body: "Your parcel is waiting", createdAt: new Date("2025-01-15T10:00:00Z") },
  ]);
  ids = { inSubject: inSubject!, inBody: inBody!, lookalike1: lookalike1!, lookalike2: lookalike2!, unrelated: unrelated!, legit: legit!, old: old! };
});

describe("GET /v1/reports full-text search", () => {
  it("ranks a subject match above a body match and returns a highlighted snippet", async () => {
    const page = await search(key, { q: "paypal" });
    expect(page.order).toBe("rank");
    // paypal-login.help (a link domain, weight B) matches too: hyphenated hosts are indexed by part.
    const found = page.results.map((r) => r.id);
    expect([...found].sort()).toEqual([ids.inSubject, ids.inBody, ids.lookalike1].sort());
    expect(found[0]).toBe(ids.inSubject);
    const rank = (id: string) => page.results.find((r) => r.id === id)!.rank!;
    expect(rank(ids.inSubject)).toBeGreaterThan(rank(ids.inBody));
    expect(page.results.find((r) => r.id === ids.inBody)!.snippet).toContain("«paypal»");
  });

  it("understands web-search syntax: phrases (as all their words), negation and or", async () => {
    expect((await search(key, { q: '"payment of 300"' })).results.map((r) => r.id)).toEqual([ids.inBody]);
    expect((await search(key, { q: '"300 payment"' })).results.map((r) => r.id)).toEqual([ids.inBody]); // word order is not indexed
    expect((await search(key, { q: "gardening or parcel" })).results.map((r) => r.id).sort()).toEqual([ids.unrelated, ids.old].sort());
    expect((await search(key, { q: "Invoices" })).results.map((r) => r.id)).toEqual([ids.inBody]); // case and plural fold
    expect((await search(key, { q: "paypal -invoice" })).results.map((r) => r.id).sort()).toEqual([ids.inSubject, ids.lookalike1].sort());
    expect((await search(key, { q: "paypal -invoice -help" })).results.map((r) => r.id)).toEqual([ids.inSubject]);
  });

  it("finds sender and link domains, whole and by label", async () => {
    expect((await search(key, { q: "news.example.org" })).results.map((r) => r.id)).toEqual([ids.unrelated]);
    expect((await search(key, { q: "gardening" })).results.map((r) => r.id)).toEqual([ids.unrelated]);
  });

  it("filters by verdict and by time range", async () => {
    const legit = await search(key, { verdict: "legitimate" });
    expect(legit.results.map((r) => r.id)).toEqual([ids.legit]);
    const early = await search(key, { from: "2025-01-01", to: "2025-02-01T00:00:00Z" });
    expect(early.order).toBe("time");
    expect(early.results.map((r) => r.id)).toEqual([ids.old]);
    const notOld = await search(key, { q: "parcel", from: "2025-02-01" });
    expect(notOld.results).toEqual([]);
  });

  it("never shows another account's reports", async () => {
    const other = await createKey({ name: "other" });
    expect((await search(other.key, { q: "paypal" })).results).toEqual([]);
    expect((await search(other.key, {})).results).toEqual([]);
  });
});

describe("look-alike domains (pg_trgm)", () => {
  it("paypa1 finds the reports about paypal look-alike domains, not unrelated ones", async () => {
    const page = await search(key, { domain: "paypa1" });
    expect(page.order).toBe("time");
    const found = page.results.map((r) => r.id);
    expect(found).toEqual(expect.arrayContaining([ids.inSubject, ids.lookalike1, ids.lookalike2]));
    expect(found).not.toContain(ids.unrelated);
    expect(found).not.toContain(ids.legit);
    for (const r of page.results) expect(r.domain_similarity!).toBeGreaterThanOrEqual(0.6);
  });

  it("paypal.com finds paypa1.com", async () => {
    const found = (await search(key, { domain: "paypal.com" })).results.map((r) => r.id);
    expect(found).toContain(ids.lookalike1);
  });
});

describe("keyset pagination", () => {
  let pagingKey: string;
  let seeded: string[];
  beforeAll(async () => {
    const created = await createKey({ name: "paging", tier: "enterprise" });
    pagingKey = created.key;
    const base = Date.UTC(2026, 5, 1);
    // Equal text, so equal ranks: the id tie-break must still give every row exactly once.
    seeded = await seedReports(created.account_id, Array.from({ length: 23 }, (_, i) => ({ subject: `Wire transfer request ${i}`, sender: `bank${i}.example`, body: "urgent wire transfer", createdAt: new Date(base + i * 60_000) })));
  });

  it("walks every page of a ranked search once, with no duplicates", async () => {
    const { ids: got, pages } = await allPages(pagingKey, { q: "wire transfer", limit: "10" });
    expect(pages).toBe(3);
    expect(new Set(got).size).toBe(23);
    expect([...got].sort()).toEqual([...seeded].sort());
  });

  it("walks time-ordered pages newest first", async () => {
    const { ids: got } = await allPages(pagingKey, { limit: "7" });
    expect(got).toEqual([...seeded].reverse());
  });

  it("stays stable when new reports arrive between pages", async () => {
    const first = await search(pagingKey, { q: "wire", limit: "5" });
    await seedReports((await withDb((db) => sql<{ account_id: string }>`SELECT account_id FROM reports WHERE id = ${seeded[0]!}`.execute(db))).rows[0]!.account_id, [{ subject: "wire wire wire transfer", body: "wire" }]);
    const second = await search(pagingKey, { q: "wire", limit: "5", cursor: first.next_cursor! });
    expect(second.results.map((r) => r.id).filter((id) => first.results.some((f) => f.id === id))).toEqual([]);
  });

  it("refuses a cursor from another query, and a damaged one, with 422", async () => {
    const first = await search(pagingKey, { q: "wire", limit: "5" });
    const foreign = await expectProblem(await call(`/v1/reports?q=transfer&limit=5&cursor=${first.next_cursor}`, { key: pagingKey }), 422);
    expect(foreign.detail).toMatch(/different query/);
    await expectProblem(await call(`/v1/reports?q=wire&limit=5&cursor=${first.next_cursor!.slice(0, -3)}x`, { key: pagingKey }), 422);
    await expectProblem(await call(`/v1/reports?cursor=${btoa('{"o":"time","v":"x\');DROP TABLE reports;--","i":"rep_1","f":"0"}')}`, { key: pagingKey }), 422);
  });
});

describe("privacy and size", () => {
  it("does not index the body of legitimate mail unless the account opted in", async () => {
    expect((await search(key, { q: "zanzibar" })).results).toEqual([]);
    expect((await search(key, { q: "lunch" })).results.map((r) => r.id)).toEqual([ids.legit]); // the subject is metadata
    const legit = await withDb((db) => db.selectFrom("reports").select(["body_text_enc", "body_tokens", "subject_enc"]).where("id", "=", ids.legit).executeTakeFirstOrThrow());
    expect(legit).toMatchObject({ body_text_enc: null, body_tokens: null }); // not even encrypted
    expect(legit.subject_enc).not.toBeNull();
    const opted = await createKey({ name: "opted in" });
    await withDb((db) => db.updateTable("accounts").set({ index_legitimate_bodies: true }).where("id", "=", opted.account_id).execute());
    await seedReports(opted.account_id, [{ verdict: "legitimate", subject: "Team lunch", body: "zanzibar project lunch" }]);
    expect((await search(opted.key, { q: "zanzibar" })).results).toHaveLength(1);
  });

  it("indexes a huge body by its prefix instead of refusing it", async () => {
    const big = await createKey({ name: "big" });
    const body = "needle " + Array.from({ length: 120_000 }, (_, i) => `w${i}`).join(" "); // ~1 MB of distinct words
    const [id] = await seedReports(big.account_id, [{ subject: "huge", body }]);
    expect((await search(big.key, { q: "needle" })).results.map((r) => r.id)).toEqual([id]);
    expect((await search(big.key, { q: "w4000" })).results.map((r) => r.id)).toEqual([id]);
    expect((await search(big.key, { q: "w100000" })).results).toEqual([]); // beyond the indexed prefix
    const stored = await withDb((db) => sql<{ n: number }>`SELECT cardinality(body_tokens) AS n FROM reports WHERE id = ${id!}`.execute(db));
    expect(stored.rows[0]!.n).toBe(4_096);
  });

  it("stores no subject or body in clear: envelopes and 64-bit blind tokens only", async () => {
    const row = await withDb((db) => db.selectFrom("reports").selectAll().where("id", "=", ids.inBody).executeTakeFirstOrThrow());
    const clear = JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)).toLowerCase();
    for (const word of ["invoice 4471", "paypal payment", "pending"]) expect(clear).not.toContain(word);
    expect(row.subject_enc![0]).toBe(1); // envelope version byte
    expect(row.body_tokens!.length).toBeGreaterThan(5);
    for (const t of row.search_tokens!) expect(BigInt(t)).toBeLessThan(2n ** 63n);
  });
});

describe("hostile input never yields a 500", () => {
  const hostileQueries = [
    '"', '"unclosed phrase', "'", "''", "(", ")", "((((", "a & | ! b", "&", "|", "!", "!!!", "-", "- -", "--", "<->", "foo <-> bar",
    "foo:*", "a:B", "\\", "\\\\'", "the", "the and of a", "-paypal", "-the", "not", "or", "OR OR", "* ? %", "%", "_", "😀", "🏳️‍🌈 paypal",
    "‮reversed", "ﬁ ligature", "x".repeat(512), "select * from reports; --", "' OR 1=1 --", "$1", ":", "::", "a:", "日本語のテキスト", "ÄÖÜ ß",
  ];

  it.each(hostileQueries.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length})` : q, q]))("q=%s answers 200", async (_label, q) => {
    const res = await call(`/v1/reports?${new URLSearchParams({ q })}`, { key });
    expect(res.status).toBe(200);
    expect(Array.isArray(((await res.json()) as Page).results)).toBe(true);
  });

  const refused: [string, string][] = [
    ["10 KB query", `q=${"a".repeat(10_240)}`],
    ["NUL byte", "q=pay%00pal"],
    ["other control character", "q=a%07b"],
    ["bad date", "from=2026-02-31"],
    ["date without a year we serve", "from=1900-01-01"],
    ["not a date", "to=yesterday"],
    ["from after to", "from=2026-05-01&to=2026-04-01"],
    ["bad verdict", "verdict=evil"],
    ["bad limit", "limit=0"],
    ["huge limit", "limit=100000"],
    ["domain with spaces", "domain=a%20b"],
    ["domain too short", "domain=pa"],
    ["domain with NUL", "domain=pay%00pal"],
    ["garbage cursor", "cursor=%%%%"],
    ["base64 garbage cursor", "cursor=AAAA"],
    ["long cursor", `cursor=${"A".repeat(5000)}`],
  ];
  it.each(refused)("%s answers 422 problem+json", async (_label, query) => {
    await expectProblem(await call(`/v1/reports?${query}`, { key }), 422);
  });

  it("an invalid percent-encoding answers 200 or 4xx, never 500", async () => {
    for (const query of ["q=%E0%A4%A", "q=%ED%A0%80", "q=%FF%FE", "domain=%C0%AF"]) {
      const res = await call(`/v1/reports?${query}`, { key });
      expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
    }
  });
});

describe("authentication", () => {
  it("needs a key with the reports:read scope", async () => {
    await expectProblem(await call("/v1/reports?q=x"), 401);
    const noScope = await createKey({ name: "analyze only", scopes: ["analyze:email"] });
    await expectProblem(await call("/v1/reports?q=x", { key: noScope.key }), 403);
  });
});
