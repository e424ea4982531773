// Where --format json|jsonl|csv goes: standard output or --out FILE, written as results arrive (in
// input order), so a huge mailbox never holds every result in memory.
//   json   one array, one record per line inside it     jsonl  one record per line     csv  see csv.ts
import { createWriteStream, openSync } from "node:fs";
import type { Writable } from "node:stream";
import { csvHeader, csvRow } from "./csv.ts";
import type { ScanRecord } from "./record.ts";

export type MachineFormat = "json" | "jsonl" | "csv";

export interface Sink {
  write(record: ScanRecord): void;
  close(): Promise<void>;
}

export function openSink(format: MachineFormat, out: string | null, stdout: Writable = process.stdout): Sink {
  // Opened now, so an unwritable --out fails before the scan starts, not after it.
  const stream: Writable = out === null ? stdout : createWriteStream("", { fd: openSync(out, "w") });
  let count = 0;
  if (format === "csv") stream.write(csvHeader() + "\r\n");
  if (format === "json") stream.write("[");
  return {
    write(record) {
      const line = format === "csv" ? csvRow(record) + "\r\n" : JSON.stringify(record);
      stream.write(format === "json" ? (count === 0 ? "\n" : ",\n") + line : format === "jsonl" ? line + "\n" : line);
      count++;
    },
    close() {
      if (format === "json") stream.write(count === 0 ? "]\n" : "\n]\n");
      return new Promise((resolve, reject) => {
        if (out === null) return stream.write("", () => resolve());
        stream.once("error", reject);
        stream.end(() => resolve());
      });
    },
  };
}
