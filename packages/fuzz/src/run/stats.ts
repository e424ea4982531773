// Timings per input size bucket: count, p50, p99, max (nearest-rank percentiles).
export const BUCKETS = [
  { name: "≤1 KB", max: 1024 },
  { name: "≤64 KB", max: 64 * 1024 },
  { name: "≤1 MB", max: 1024 * 1024 },
  { name: ">1 MB", max: Infinity },
] as const;

export class Timings {
  private readonly ms: number[][] = BUCKETS.map(() => []);

  add(bytes: number, ms: number): void {
    this.ms[BUCKETS.findIndex((b) => bytes <= b.max)]!.push(ms);
  }

  rows(): { bucket: string; n: number; p50: number; p99: number; max: number }[] {
    return BUCKETS.flatMap((b, i) => {
      const xs = [...this.ms[i]!].sort((x, y) => x - y);
      if (xs.length === 0) return [];
      const at = (q: number) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
      return [{ bucket: b.name, n: xs.length, p50: at(0.5), p99: at(0.99), max: xs[xs.length - 1]! }];
    });
  }
}

export function byteLength(input: string | Uint8Array | readonly string[]): number {
  if (input instanceof Uint8Array) return input.byteLength;
  if (typeof input === "string") return new TextEncoder().encode(input).byteLength;
  return input.reduce((n, s) => n + new TextEncoder().encode(s).byteLength, 0);
}
