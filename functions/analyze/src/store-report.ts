// Every analysis becomes a report row owned by the key's account; the answer carries its id.
import type { Context } from "hono";
import type { Analysis } from "@traceo/detector";
import { insertReport, newId } from "@traceo/db";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";
import { problems } from "@traceo/problem";

export type Report = { id: string; created_at: string } & Analysis;

export async function storeReport(c: Context<{ Bindings: GatewayEnv; Variables: GatewayVariables }>, analysis: Analysis): Promise<Report> {
  const key = c.get("apiKey");
  const createdAt = new Date();
  const report: Report = { id: newId("rep", createdAt.getTime()), created_at: createdAt.toISOString(), ...analysis };
  const linkDomains = [...new Set(analysis.urls.map((u) => u.registrable_domain).filter((d): d is string => d !== null))];
  try {
    await insertReport(c.get("services").database().db, {
      id: report.id,
      account_id: key.accountId,
      api_key_id: key.id,
      kind: analysis.kind,
      verdict: analysis.verdict,
      score: analysis.score,
      probability: analysis.probability,
      model_version: analysis.model_version,
      subject: analysis.subject,
      sender_domain: analysis.headers?.from_domain ?? null,
      link_domains: linkDomains,
      result: JSON.stringify(report),
      created_at: createdAt,
    });
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "report not stored", requestId: c.get("requestId"), error: String(err) }));
    throw problems.serviceUnavailable("The analysis could not be stored; nothing was saved. Retry shortly.");
  }
  return report;
}
