// What a report row holds for search, computed in the Worker (or the reindex CLI), never in SQL:
// the subject and the visible body text as @traceo/crypto envelopes (for showing and snippets), and
// their blind tokens plus the domains' under the key named by `search_key_id`. Nothing searchable is
// stored in clear except the sender and link domains (look-alike search needs them; see README).
import { blindSearchTokens, encryptField, type Keyring } from "@traceo/crypto";
import { boundSearchBody } from "./search-body.ts";
import { searchTokens } from "./search-text.ts";

/** A bounded prefix of a body is indexed: its first distinct tokens (the database enforces it too). */
export const MAX_BODY_TOKENS = 4_096;
export const MAX_SUBJECT_TOKENS = 256;
export const MAX_DOMAIN_TOKENS = 512;
export const MAX_SUBJECT_CHARS = 2_048;

export interface ReportSearchSource {
  /** The report's id: bound into each envelope. */
  id: string;
  subject: string | null;
  /** The message's visible text; bounded with boundSearchBody() here. */
  bodyText: string | null;
  senderDomain: string | null;
  linkDomains: readonly string[];
}

export interface ReportSearchFields {
  subject_enc: Uint8Array | null;
  body_text_enc: Uint8Array | null;
  search_key_id: string;
  /** bigint[] as decimal strings */
  subject_tokens: string[];
  domain_tokens: string[];
  body_tokens: string[];
}

/** Postgres takes bytea from a Buffer; wrap the bytes without copying. */
export const bytea = (bytes: Uint8Array): Uint8Array => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function cleanSubject(subject: string | null): string | null {
  // Postgres text cannot hold NUL; the stored subject is only shown, so a generous bound suffices.
  const clean = subject?.replaceAll("\0", "").slice(0, MAX_SUBJECT_CHARS) ?? "";
  return clean.trim() === "" ? null : clean;
}

export async function reportSearchFields(keyring: Keyring, source: ReportSearchSource): Promise<ReportSearchFields> {
  const subject = cleanSubject(source.subject);
  const body = boundSearchBody(source.bodyText);
  const domains = [source.senderDomain, ...source.linkDomains].filter((d): d is string => !!d).join(" ");
  const ctx = (column: string) => ({ table: "reports", column, rowId: source.id });
  const keyId = keyring.primaryKeyId;
  const [subjectEnc, bodyEnc, subjectTokens, domainTokens, bodyTokens] = await Promise.all([
    subject === null ? null : encryptField(keyring, ctx("subject_enc"), subject),
    body === null ? null : encryptField(keyring, ctx("body_text_enc"), body),
    blindSearchTokens(keyring, searchTokens(subject, MAX_SUBJECT_TOKENS), keyId),
    blindSearchTokens(keyring, searchTokens(domains, MAX_DOMAIN_TOKENS), keyId),
    blindSearchTokens(keyring, searchTokens(body, MAX_BODY_TOKENS), keyId),
  ]);
  return {
    subject_enc: subjectEnc && bytea(subjectEnc),
    body_text_enc: bodyEnc && bytea(bodyEnc),
    search_key_id: keyId,
    subject_tokens: subjectTokens,
    domain_tokens: domainTokens,
    body_tokens: bodyTokens,
  };
}
