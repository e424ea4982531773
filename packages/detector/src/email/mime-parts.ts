// How many MIME parts a message has, counted before postal-mime parses it. postal-mime builds a Blob
// for every part: a 1 MB message of 29,000 tiny parts took 600 ms in Node and 200 ms in workerd,
// so a message with more parts than any real one has is refused instead (found by npm run fuzz).

export const MAX_MIME_PARTS = 1_000;

// A declared boundary: boundary=value or boundary="value" (RFC 2046: at most 70 characters).
const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;

/**
 * Delimiter lines (`--boundary` or `--boundary--`) of every boundary the message declares: an upper
 * bound of its parts. One pass over the lines that start with "--", whatever the number of boundaries.
 */
export function countMimeDelimiters(text: string): number {
  const boundaries = new Set<string>();
  for (const m of text.matchAll(BOUNDARY_PARAM)) boundaries.add(m[1] ?? m[2]!);
  if (boundaries.size === 0) return 0;
  let count = 0;
  for (let at = text.startsWith("--") ? 0 : text.indexOf("\n--"); at !== -1; at = text.indexOf("\n--", at + 1)) {
    const start = text[at] === "\n" ? at + 3 : 2;
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end).trimEnd();
    if (line.endsWith("--") && !boundaries.has(line)) line = line.slice(0, -2);
    if (boundaries.has(line)) count++;
  }
  return count;
}
