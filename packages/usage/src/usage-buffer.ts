// An isolate-wide buffer of usage rows. Requests that end close together share one INSERT: the
// first request to find the buffer empty schedules a flush a moment later, inside its own
// waitUntil, and that flush takes whatever has accumulated by then.
import type { UsageRow } from "@traceo/db";

export interface FlushTarget {
  write(rows: UsageRow[]): Promise<void>;
}

export class UsageBuffer {
  private rows: UsageRow[] = [];
  constructor(
    private readonly delayMs: number,
    private readonly maxRows: number,
  ) {}

  get pending(): number {
    return this.rows.length;
  }

  /** Adds a row; returns a flush promise when this call is the one that must schedule it. */
  add(row: UsageRow, target: FlushTarget): Promise<void> | undefined {
    this.rows.push(row);
    if (this.rows.length === 1) return this.flushLater(target);
    // A full buffer is written at once, by the request that filled it.
    if (this.rows.length >= this.maxRows) return this.flushNow(target);
    return undefined;
  }

  private async flushLater(target: FlushTarget): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await this.flushNow(target);
  }

  private async flushNow(target: FlushTarget): Promise<void> {
    const batch = this.rows;
    this.rows = [];
    if (batch.length > 0) await target.write(batch);
  }
}
