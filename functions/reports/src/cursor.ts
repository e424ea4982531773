// Opaque keyset cursors: where the previous page ended plus a fingerprint of the query it belongs
// to, base64url-encoded JSON. Reusing a cursor with other filters is refused rather than giving
// a silently wrong page. A cursor is not a secret: the account filter applies regardless.
import type { SearchOrder, SearchPosition } from "@traceo/db";

interface CursorBody {
  o: SearchOrder;
  v: string;
  i: string;
  f: string;
  /** Ranked search: the first page's instant, which pins the candidate window. */
  t?: string;
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/(?<!=)=+$/, "");
}

function fromBase64url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return new TextDecoder("utf-8", { fatal: true } as ConstructorParameters<typeof TextDecoder>[1]).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** FNV-1a over the canonical filter string: cheap, stable, enough to tell two queries apart. */
export function queryFingerprint(parts: unknown[]): string {
  const text = JSON.stringify(parts);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encodeCursor(order: SearchOrder, position: SearchPosition, fingerprint: string): string {
  const body: CursorBody = { o: order, v: position.value, i: position.id, f: fingerprint, ...(position.asOf ? { t: position.asOf } : {}) };
  return base64url(JSON.stringify(body));
}

const SORT_VALUE: Record<SearchOrder, RegExp> = {
  rank: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/,
};

/** The position, or a reason the cursor cannot be used with this query. */
export function decodeCursor(raw: string, order: SearchOrder, fingerprint: string): SearchPosition | { error: string } {
  const text = fromBase64url(raw);
  let body: Partial<CursorBody> | undefined;
  try {
    body = text === undefined ? undefined : (JSON.parse(text) as Partial<CursorBody>);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== "object" || typeof body.v !== "string" || typeof body.i !== "string" || typeof body.o !== "string") {
    return { error: "is not a cursor this API issued; pass back the `next_cursor` of a previous page unchanged." };
  }
  if (body.o !== order || body.f !== fingerprint) return { error: "belongs to a different query; keep the same q, verdict, from, to and domain when paging." };
  const damaged = { error: "is damaged; start again without a cursor." };
  if (!SORT_VALUE[order].test(body.v) || !/^[A-Za-z0-9_]{1,64}$/.test(body.i)) return damaged;
  if (order === "rank") {
    if (typeof body.t !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(body.t) || Number.isNaN(Date.parse(body.t))) return damaged;
    return { value: body.v, id: body.i, asOf: body.t };
  }
  return { value: body.v, id: body.i };
}
