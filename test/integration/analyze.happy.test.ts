// The main job end to end inside workerd: real sample messages and URLs in, verdicts with reasons
// out, each stored as a report owned by the key's account.
import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import phishingVerify from "../fixtures/emails/phishing-verify-account.eml?raw";
import phishingWallet from "../fixtures/emails/phishing-wallet-locked.eml?raw";
import legitParcel from "../fixtures/emails/legit-parcel-delivered.eml?raw";
import legitNote from "../fixtures/emails/legit-personal-note.eml?raw";
import { blindSearchTokens, decryptFieldText, loadKeyring } from "@traceo/crypto";
import app from "../../functions/analyze/src/index.ts";
import { BASE, call, createKey, expectProblem, postJson, reportCount, testEnv, withDb } from "../support/harness.ts";

const created = await createKey({ tier: "enterprise" });

interface Report {
  id: string;
  verdict: string;
  score: number;
  probability: number;
  model_version: string;
  reasons: { feature: string; value: number | null; contribution: number; message: string }[];
  urls: { url: string; registrable_domain: string | null; score: number }[];
  headers: Record<string, unknown> | null;
  subject: string | null;
}

async function analyseEmail(raw: string, contentType = "message/rfc822"): Promise<Report> {
  const res = await call("/v1/analyze/email", { method: "POST", key: created.key, headers: { "content-type": contentType }, body: raw });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

function expectWellFormed(report: Report) {
  expect(report.id).toMatch(/^rep_[0-9A-Z]{26}$/);
  expect(report.score).toBe(Math.round(report.probability * 100));
  expect(report.model_version).toMatch(/\S/);
  for (const reason of report.reasons) {
    expect(typeof reason.feature).toBe("string");
    expect(Number.isFinite(reason.contribution)).toBe(true);
    expect(reason.message.length).toBeGreaterThan(10);
  }
}

describe("email analysis", () => {
  it("calls a real credential phish `phishing`, with reasons that push toward it", async () => {
    for (const raw of [phishingVerify, phishingWallet]) {
      const report = await analyseEmail(raw);
      expectWellFormed(report);
      expect(report.verdict).toBe("phishing");
      expect(report.score).toBeGreaterThanOrEqual(80);
      expect(report.reasons.length).toBeGreaterThan(0);
      expect(report.reasons[0]!.contribution).toBeGreaterThan(0);
      expect(report.urls.length).toBeGreaterThan(0);
    }
  });

  it("calls real legitimate mail `legitimate`", async () => {
    for (const raw of [legitParcel, legitNote]) {
      const report = await analyseEmail(raw);
      expectWellFormed(report);
      expect(report.verdict).toBe("legitimate");
    }
  });

  it("reports what the headers claim: authentication results and sender domains", async () => {
    const report = await analyseEmail(phishingVerify);
    expect(report.headers).toMatchObject({ spf: "pass", dkim: "pass", dmarc: "pass", from_domain: "gaksbdad.zendesk.com", reply_to_aligned: true });
  });

  it("accepts the same message as JSON {raw} and as text/plain, with the same verdict and score", async () => {
    const asRaw = await analyseEmail(phishingWallet);
    const asText = await analyseEmail(phishingWallet, "text/plain; charset=utf-8");
    const res = await postJson("/v1/analyze/email", created.key, { raw: phishingWallet });
    const asJson = (await res.json()) as Report;
    expect([asText.verdict, asText.score]).toEqual([asRaw.verdict, asRaw.score]);
    expect([asJson.verdict, asJson.score]).toEqual([asRaw.verdict, asRaw.score]);
  });
});

describe("URL analysis", () => {
  it("scores a phishing URL and a benign one, with registrable domains", async () => {
    const res = await postJson("/v1/analyze/url", created.key, {
      urls: ["https://chijioke-nwabasili.github.io/linkedin-login-page/", "https://www.egov.sc/"],
    });
    const report = (await res.json()) as Report;
    expect(res.status).toBe(200);
    expectWellFormed(report);
    expect(report.verdict).toBe("phishing");
    // github.io is a private public suffix: each of its subdomains is someone else's site.
    expect(report.urls.map((u) => u.registrable_domain)).toEqual(["chijioke-nwabasili.github.io", "egov.sc"]);
    expect(report.urls[0]!.score).toBeGreaterThanOrEqual(80);
    expect(report.urls[1]!.score).toBeLessThan(50);
  });

  it("calls a benign URL `legitimate`", async () => {
    const res = await postJson("/v1/analyze/url", created.key, { url: "https://www.dallasfoundation.org/news.aspx" });
    const report = (await res.json()) as Report;
    expect(report.verdict).toBe("legitimate");
  });
});

describe("reports", () => {
  it("stores one row per analysis, owned by the key's account, holding the answer", async () => {
    const before = await reportCount(created.account_id);
    const res = await postJson("/v1/analyze/url", created.key, { url: "https://chijioke-nwabasili.github.io/linkedin-login-page/" });
    const report = (await res.json()) as Report;
    expect(await reportCount(created.account_id)).toBe(before + 1);
    const row = await withDb((db) =>
      db.selectFrom("reports").selectAll().where("id", "=", report.id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ account_id: created.account_id, api_key_id: created.id, kind: "url", verdict: report.verdict, score: report.score });
    expect((row.result as unknown as Report).reasons).toEqual(report.reasons);
    const count = await withDb((db) => sql<{ n: number }>`SELECT count(*)::int AS n FROM reports WHERE id = ${report.id}`.execute(db));
    expect(count.rows[0]!.n).toBe(1);
  });
});

describe("search index", () => {
  it("indexes a suspicious message's visible text by blind tokens, and keeps a legitimate one's body out", async () => {
    const phish = await analyseEmail(phishingWallet);
    const legit = await analyseEmail(legitParcel);
    const keyring = loadKeyring((testEnv as unknown as { TRACEO_ENCRYPTION_KEYS: string }).TRACEO_ENCRYPTION_KEYS);
    const [wallet] = await blindSearchTokens(keyring, ["wallet"]);
    const rows = await withDb((db) =>
      sql<{ id: string; has_body: boolean; matches: boolean; has_subject: boolean }>`
        SELECT id, body_text_enc IS NOT NULL AND body_tokens IS NOT NULL AS has_body, subject_enc IS NOT NULL AS has_subject,
               coalesce(search_tokens @> ARRAY[${wallet}::bigint], false) AS matches
        FROM reports WHERE id IN (${phish.id}, ${legit.id})`.execute(db),
    );
    const byId = Object.fromEntries(rows.rows.map((r) => [r.id, r]));
    expect(byId[phish.id]).toMatchObject({ has_body: true, matches: true, has_subject: true });
    expect(byId[legit.id]).toMatchObject({ has_body: false, has_subject: true });
  });
});

describe("encryption at rest", () => {
  it("keeps the submitted message and the sender address only encrypted, bound to the row", async () => {
    const report = await analyseEmail(phishingVerify);
    const row = await withDb((db) =>
      db.selectFrom("reports").select(["raw_message_enc", "sender_address_enc", "subject_enc", "result"]).where("id", "=", report.id).executeTakeFirstOrThrow(),
    );
    const keyring = loadKeyring((testEnv as unknown as { TRACEO_ENCRYPTION_KEYS: string }).TRACEO_ENCRYPTION_KEYS);
    const raw = new Uint8Array(row.raw_message_enc as unknown as ArrayBufferLike);
    expect(await decryptFieldText(keyring, { table: "reports", column: "raw_message_enc", rowId: report.id }, raw)).toBe(phishingVerify);
    const sender = new Uint8Array(row.sender_address_enc as unknown as ArrayBufferLike);
    expect(await decryptFieldText(keyring, { table: "reports", column: "sender_address_enc", rowId: report.id }, sender)).toBe("help@gaksbdad.zendesk.com");
    expect(new TextDecoder("latin1").decode(raw)).not.toContain("Verify");
    expect(JSON.stringify(row.result)).not.toContain("help@gaksbdad.zendesk.com");
    // The subject is kept only encrypted; the stored answer has neither it nor the display name.
    expect(report.subject).toMatch(/\S{4}/);
    expect(await decryptFieldText(keyring, { table: "reports", column: "subject_enc", rowId: report.id }, new Uint8Array(row.subject_enc as unknown as ArrayBufferLike))).toBe(report.subject);
    expect(JSON.stringify(row.result)).not.toContain(report.subject!);
    expect((row.result as unknown as Report).headers).toMatchObject({ from_address: null, from_display_name: null });
    await expect(decryptFieldText(keyring, { table: "reports", column: "raw_message_enc", rowId: "rep_other" }, raw)).rejects.toThrow();
  });

  it("refuses to serve, and stores nothing, when the keyring is missing or malformed", async () => {
    const before = await reportCount(created.account_id);
    for (const TRACEO_ENCRYPTION_KEYS of ["", "not json", '{"primary":"k9","keys":{"k1":"c2hvcnQ="}}']) {
      const res = await app.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { authorization: `Bearer ${created.key}`, "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.org/" }) }, { ...testEnv, TRACEO_ENCRYPTION_KEYS });
      const problem = await expectProblem(res, 503);
      expect(problem.detail).toContain("TRACEO_ENCRYPTION_KEYS");
    }
    expect(await reportCount(created.account_id)).toBe(before);
  });
});
