// Inserts report rows straight into the test database (the analysis path has its own tests).
import { insertReport, newId } from "@traceo/db";
import { withDb } from "../../../test/support/harness.ts";

export interface SeedReport {
  verdict?: "phishing" | "suspicious" | "legitimate";
  subject?: string | null;
  sender?: string | null;
  links?: string[];
  body?: string | null;
  createdAt?: Date;
}

export async function seedReports(accountId: string, reports: SeedReport[]): Promise<string[]> {
  return withDb(async (db) => {
    const ids: string[] = [];
    for (const r of reports) {
      const createdAt = r.createdAt ?? new Date();
      const id = newId("rep", createdAt.getTime());
      await insertReport(db, {
        id, account_id: accountId, api_key_id: null, kind: "email", verdict: r.verdict ?? "phishing",
        score: r.verdict === "legitimate" ? 3 : 91, probability: r.verdict === "legitimate" ? 0.03 : 0.91, model_version: "test",
        subject: r.subject ?? null, sender_domain: r.sender ?? null, link_domains: r.links ?? [], body_text: r.body ?? null,
        result: JSON.stringify({ id }), created_at: createdAt,
      });
      ids.push(id);
    }
    return ids;
  });
}
