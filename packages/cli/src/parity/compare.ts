// Compares the in-process and --api JSON of the same mailbox, record by record.
import { isDeepStrictEqual } from "node:util";

export const COMPARED_FIELDS = ["kind", "verdict", "score", "probability", "model_version", "reasons", "urls", "headers", "subject"] as const;

type Rec = Record<string, unknown> & { source: unknown };

export interface Comparison {
  total: number;
  /** Every compared field equal (both errors with the same status count as equal). */
  equal: number;
  /** The whole --api record without `id` and `created_at` is byte-identical to the in-process one. */
  identical: number;
  differences: { index: number; fields: string[] }[];
}

function withoutIdentity(rec: Rec): Rec {
  const { id: _id, created_at: _created, ...rest } = rec;
  return rest as Rec;
}

export function compareRuns(local: Rec[], api: Rec[]): Comparison {
  const total = Math.max(local.length, api.length);
  const out: Comparison = { total, equal: 0, identical: 0, differences: [] };
  for (let i = 0; i < total; i++) {
    const a = local[i];
    const b = api[i];
    if (a === undefined || b === undefined) {
      out.differences.push({ index: i, fields: ["missing"] });
      continue;
    }
    if (JSON.stringify(a) === JSON.stringify(withoutIdentity(b))) out.identical++;
    const fields: string[] = [];
    if (!isDeepStrictEqual(a.source, b.source)) fields.push("source");
    if (a.error || b.error) {
      if ((a.error as { status?: number } | undefined)?.status !== (b.error as { status?: number } | undefined)?.status) fields.push("error");
    } else {
      for (const f of COMPARED_FIELDS) if (!isDeepStrictEqual(a[f], b[f])) fields.push(f);
    }
    if (fields.length === 0) out.equal++;
    else out.differences.push({ index: i, fields });
  }
  return out;
}
