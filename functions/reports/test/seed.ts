// Inserts report rows straight into the test database (the analysis path has its own tests), with
// the same encrypted subject/body and blind tokens the analyze Worker writes, under the test keyring.
import { loadKeyring } from "@traceo/crypto";
import { insertReport, newId, reportSearchFields } from "@traceo/db";
import { testEnv, withDb } from "../../../test/support/harness.ts";

export interface SeedReport {
  verdict?: "phishing" | "suspicious" | "legitimate";
  subject?: string | null;
  sender?: string | null;
  links?: string[];
  body?: string | null;
  createdAt?: Date;
}

export const testKeyring = () => loadKeyring((testEnv as unknown as { TRACEO_ENCRYPTION_KEYS: string }).TRACEO_ENCRYPTION_KEYS);

export async function seedReports(accountId: string, reports: SeedReport[]): Promise<string[]> {
  const keyring = testKeyring();
  return withDb(async (db) => {
    const ids: string[] = [];
    for (const r of reports) {
      const createdAt = r.createdAt ?? new Date();
      const id = newId("rep", createdAt.getTime());
      const search = await reportSearchFields(keyring, { id, subject: r.subject ?? null, bodyText: r.body ?? null, senderDomain: r.sender ?? null, linkDomains: r.links ?? [] });
      await insertReport(db, {
        id, account_id: accountId, api_key_id: null, kind: "email", verdict: r.verdict ?? "phishing",
        score: r.verdict === "legitimate" ? 3 : 91, probability: r.verdict === "legitimate" ? 0.03 : 0.91, model_version: "test",
        sender_domain: r.sender ?? null, link_domains: r.links ?? [], ...search,
        result: JSON.stringify({ id }), created_at: createdAt,
      });
      ids.push(id);
    }
    return ids;
  });
}
