// Where a JSON text stops being JSON, for the 400 answer: the engine's own message varies between
// engines and can quote the body back ('Unexpected token }, "{"a":}" is not valid JSON'). Run only
// after JSON.parse failed; one pass, no recursion (a deeply nested body cannot overflow the stack).

/** A place in the text: 1-based line and column (columns count characters, not UTF-16 units). */
export interface TextPosition {
  line: number;
  column: number;
}

const isWhitespace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;
const isHex = (ch: number) => isDigit(ch) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);

/** The end of the string starting at `start` (its opening quote), or -(offset + 1) of the first wrong character. */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i + 1;
    if (ch < 0x20) return -(i + 1);
    if (ch === 0x5c) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return -(Math.min(i + k, text.length) + 1);
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(text[i + 1] ?? "\u0000")) return -(Math.min(i + 1, text.length) + 1);
      i += 2;
      continue;
    }
    i++;
  }
  return -(text.length + 1);
}

function scanDigits(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the number starting at `start`, or -(offset + 1) of the first wrong character. */
function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) i = scanDigits(text, i);
  else return -(i + 1);
  if (text.charCodeAt(i) === 0x2e) {
    if (!isDigit(text.charCodeAt(i + 1))) return -(i + 2);
    i = scanDigits(text, i + 1);
  }
  if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
    i++;
    if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return -(i + 1);
    i = scanDigits(text, i);
  }
  return i;
}

/** The UTF-16 offset of the first character that makes `text` not JSON (text.length if it ends too early), or -1 if it is JSON. */
export function jsonErrorOffset(text: string): number {
  const open: number[] = []; // 0x7b "{" or 0x5b "[" for each container not yet closed
  let i = 0;
  // "value": a value must come; "after": a value just ended; "key": a member name must come.
  let state: "value" | "after" | "key" = "value";
  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) return state === "after" && open.length === 0 ? -1 : text.length;
    const ch = text.charCodeAt(i);
    if (state === "key") {
      if (ch !== 0x22) return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
      if (i >= text.length) return i;
      if (text.charCodeAt(i) !== 0x3a) return i;
      i++;
      state = "value";
    } else if (state === "value") {
      let end: number;
      if (ch === 0x7b || ch === 0x5b) {
        open.push(ch);
        i++;
        while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
        const close = ch === 0x7b ? 0x7d : 0x5d;
        if (text.charCodeAt(i) === close) {
          open.pop();
          i++;
          state = "after";
        } else state = ch === 0x7b ? "key" : "value";
        continue;
      }
      if (ch === 0x22) end = scanString(text, i);
      else if (ch === 0x2d || isDigit(ch)) end = scanNumber(text, i);
      else {
        const word = ch === 0x74 ? "true" : ch === 0x66 ? "false" : ch === 0x6e ? "null" : "";
        if (word === "") return i;
        let k = 1;
        while (k < word.length && text.charCodeAt(i + k) === word.charCodeAt(k)) k++;
        end = k === word.length ? i + k : -(Math.min(i + k, text.length) + 1);
      }
      if (end < 0) return -end - 1;
      i = end;
      state = "after";
    } else {
      const top = open[open.length - 1];
      if (top === undefined) return i; // something after the whole value
      if (ch === 0x2c) {
        i++;
        state = top === 0x7b ? "key" : "value";
      } else if (ch === (top === 0x7b ? 0x7d : 0x5d)) {
        open.pop();
        i++;
      } else return i;
    }
  }
}

/** The 1-based line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count a surrogate pair as one character.
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (!(ch >= 0xdc00 && ch <= 0xdfff && i > lineStart && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) column++;
  }
  return { line, column };
}
