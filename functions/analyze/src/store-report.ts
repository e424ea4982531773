// Every analysis becomes a report row owned by the key's account; the answer carries its id.
// The raw message and the sender's address are stored only encrypted,
// each under a key bound to this row and column (packages/crypto).
import type { Context } from "hono";
import { toReport, type Analysis, type ReportFields } from "@traceo/detector";
import { encryptField } from "@traceo/crypto";
import { boundSearchBody, insertReport, newId } from "@traceo/db";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";
import { problems } from "@traceo/problem";

export type Report = { id: string; created_at: string } & ReportFields;

/** Kysely/Neon send Buffers as bytea; wrap the bytes without copying. */
const bytea = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The stored copy of the answer keeps the sender address out of clear text (it lives encrypted). */
function withoutSenderAddress(report: Report): Report {
  return report.headers ? { ...report, headers: { ...report.headers, from_address: null } } : report;
}

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
    await insertReport(database().db, {
      id,
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
      result: JSON.stringify(withoutSenderAddress(report)),
      raw_message_enc: submitted ? await encrypt("raw_message_enc", submitted.raw) : null,
      // For search; the database bounds it and drops it for `legitimate` mail unless the account opted in.
      body_text: boundSearchBody(submitted?.bodyText ?? null),
      sender_address_enc: sender === null ? null : await encrypt("sender_address_enc", sender),
      created_at: createdAt,
    });
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "report not stored", requestId: c.get("requestId"), error: String(err) }));
    throw problems.serviceUnavailable("The analysis could not be stored; nothing was saved. Retry shortly.");
  }
  return report;
}
