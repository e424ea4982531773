import { describe, expect, it } from "vitest";
import type { UsageRow } from "@traceo/db";
import { UsageBuffer } from "./usage-buffer.ts";

const row = (n: number): UsageRow => ({ occurredAt: new Date(0), apiKeyId: `key_${n}`, accountId: "acc", method: "GET", endpoint: "/v1/x", status: 200, latencyMs: n });

describe("UsageBuffer", () => {
  it("batches rows added before the delayed flush into one write", async () => {
    const writes: number[][] = [];
    const target = { write: async (rows: UsageRow[]) => void writes.push(rows.map((r) => r.latencyMs)) };
    const buffer = new UsageBuffer(20, 100);
    const flush = buffer.add(row(1), target);
    expect(flush).toBeInstanceOf(Promise);
    expect(buffer.add(row(2), target)).toBeUndefined();
    expect(buffer.add(row(3), target)).toBeUndefined();
    await flush;
    expect(writes).toEqual([[1, 2, 3]]);
    expect(buffer.pending).toBe(0);
    const next = buffer.add(row(4), target);
    await next;
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it("writes a full buffer at once", async () => {
    const writes: number[][] = [];
    const target = { write: async (rows: UsageRow[]) => void writes.push(rows.map((r) => r.latencyMs)) };
    const buffer = new UsageBuffer(20, 3);
    const later = buffer.add(row(1), target);
    buffer.add(row(2), target);
    const full = buffer.add(row(3), target);
    await full;
    expect(writes).toEqual([[1, 2, 3]]);
    await later;
    expect(writes).toEqual([[1, 2, 3]]);
  });
});
