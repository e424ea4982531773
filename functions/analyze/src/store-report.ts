// Every analysis becomes a report row owned by the key's account; the answer carries its id.
// The raw message, the sender's address, the subject and the visible body text are stored only
// encrypted, each under a key bound to this row and column (packages/crypto); search uses blind
// tokens of the subject, body and domains (packages/db reportSearchFields), never clear text.
import type { Context } from "hono";
import { toReport, type Analysis, type ReportFields } from "@traceo/detector";
import { encryptField } from "@traceo/crypto";
import { bytea, insertReport, newId, reportSearchFields } from "@traceo/db";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";
import { problems } from "@traceo/problem";
import { storedCopy } from "./stored-copy.ts";

export type Report = { id: string; created_at: string } & ReportFields;

export async function storeReport(
  c: Context<{ Bindings: GatewayEnv; Variables: GatewayVariables }>,
  analysis: Analysis,
  submitted?: { raw: string | Uint8Array; bodyText: string | null },
): Promise<Report> {
  const key = c.get("apiKey");
  const { keyring, database } = c.get("services");
  const createdAt = new Date();
  const id = newId("rep", createdAt.getTime());
  const report: Report = toReport(analysis, id, createdAt);
  const linkDomains = [...new Set(analysis.urls.map((u) => u.registrable_domain).filter((d): d is string => d !== null))];
  const sender = analysis.headers?.from_address ?? null;
  const encrypt = (column: string, value: string | Uint8Array) => encryptField(keyring, { table: "reports", column, rowId: id }, value).then(bytea);
  try {
    const search = await reportSearchFields(keyring, { id, subject: analysis.subject, bodyText: submitted?.bodyText ?? null, senderDomain: analysis.headers?.from_domain ?? null, linkDomains });
    await insertReport(database().db, {
      id,
      account_id: key.accountId,
      api_key_id: key.id,
      kind: analysis.kind,
      verdict: analysis.verdict,
      score: analysis.score,
      probability: analysis.probability,
      model_version: analysis.model_version,
      sender_domain: analysis.headers?.from_domain ?? null,
      link_domains: linkDomains,
      result: storedCopy(report),
      raw_message_enc: submitted ? await encrypt("raw_message_enc", submitted.raw) : null,
      // Encrypted subject/body and blind tokens; the database drops the body of `legitimate` mail unless the account opted in.
      ...search,
      sender_address_enc: sender === null ? null : await encrypt("sender_address_enc", sender),
      created_at: createdAt,
    });
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "report not stored", requestId: c.get("requestId"), error: String(err) }));
    throw problems.serviceUnavailable("The analysis could not be stored; nothing was saved. Retry shortly.");
  }
  return report;
}
