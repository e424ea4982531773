// Test helper: reads a hand-written fixture from packages/detector/test-fixtures.
import { readFileSync } from "node:fs";

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url)));
}
