// Node ≥ 20.18.3 decodes "windows-1252" (and the labels the Encoding Standard maps to it: latin1,
// iso-8859-1, us-ascii…) as ISO-8859-1, so bytes 0x80-0x9F come out as C1 controls instead of
// € ‚ ƒ „ … ’ – and friends (nodejs/node#56542, #60888). workerd decodes them as the standard says,
// so without this a subject like "You’ve" read in-process differed from the API's answer. Installed
// once, before the detector runs, only when the running Node has the bug.
import { WINDOWS_1252_HIGH_HALF as HIGH } from "./windows-1252-table.ts";

/** The Encoding Standard's windows-1252 decoder for one whole buffer. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? HIGH.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

const isBuggy = (Native: typeof TextDecoder) => new Native("windows-1252").decode(Uint8Array.of(0x80)) !== "€";

type BufferSource = ArrayBuffer | ArrayBufferView;

function toBytes(input: BufferSource | undefined): Uint8Array {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(input as ArrayBuffer);
}

type Scope = { TextDecoder: typeof TextDecoder };

export function installWindows1252Fix(scope: Scope = globalThis as unknown as Scope): boolean {
  const Native = scope.TextDecoder;
  if (!isBuggy(Native)) return false;
  class StandardTextDecoder extends Native {
    override decode(input?: BufferSource, options?: { stream: boolean }): string {
      // A single-byte encoding keeps no state between stream chunks, so each call stands alone.
      return this.encoding === "windows-1252" ? decodeWindows1252(toBytes(input)) : super.decode(input, options);
    }
  }
  scope.TextDecoder = StandardTextDecoder;
  return true;
}
