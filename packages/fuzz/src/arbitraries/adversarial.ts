// Inputs shaped to trip backtracking regexes and recursive parsers, at any size: long runs of one
// character wherever a pattern might scan (header, address, link, HTML attribute, body), `<a href=`
// and `=\r\n` repeated, `http://` followed by a huge host or path, deep multipart and HTML nesting.
// Each is deterministic for a size, so a slow one can be rebuilt and profiled.

export interface Shape {
  name: string;
  /** The input of about `size` bytes (never more than size + 200). */
  build(size: number): string;
}

const RUN_CHARS = ["a", " ", "\t", "=", ".", "-", "/", "@", "<", "%", "!", "]", "0", "\u00e9", "\u200e"];
/** `unit` repeated to about `size` UTF-8 bytes. */
const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / new TextEncoder().encode(unit).byteLength)));
const msg = (headers: string, body: string) => `From: Sender <sender@mail.example>\r\nTo: you@mail.example\r\nSubject: Hello\r\n${headers}\r\n${body}`;

/** Messages for the email pipeline. */
export const EMAIL_SHAPES: Shape[] = [
  ...RUN_CHARS.flatMap((c): Shape[] => [
    { name: `body run ${JSON.stringify(c)}`, build: (n) => msg("", fill(c, n)) },
    { name: `subject run ${JSON.stringify(c)}`, build: (n) => `From: a@mail.example\r\nSubject: ${fill(c, n)}\r\n\r\nhi` },
    { name: `From display name run ${JSON.stringify(c)}`, build: (n) => `From: ${fill(c, n)} <a@mail.example>\r\nSubject: x\r\n\r\nhi` },
    { name: `broken From run ${JSON.stringify(c)}`, build: (n) => `From: ,${fill(c, n)}\r\nSubject: x\r\n\r\nhi` },
  ]),
  { name: "<a href= repeated", build: (n) => msg("Content-Type: text/html\r\n", fill("<a href=", n)) },
  { name: "<a href=http:// repeated", build: (n) => msg("Content-Type: text/html\r\n", fill('<a href="http://', n)) },
  { name: "unclosed tags", build: (n) => msg("Content-Type: text/html\r\n", fill("<div ", n)) },
  { name: "deep HTML nesting", build: (n) => msg("Content-Type: text/html\r\n", fill("<div><span>", n / 2) + fill("</span></div>", n / 2)) },
  { name: "=\\r\\n runs (quoted-printable)", build: (n) => msg("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n", fill("=\r\n", n)) },
  { name: "=3D runs (quoted-printable)", build: (n) => msg("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n", fill("=3D", n)) },
  { name: "http:// + huge host", build: (n) => msg("", `http://${fill("a", n)}.com/`) },
  { name: "http:// + huge path", build: (n) => msg("", `see http://a.example/${fill("a", n)}`) },
  { name: "http:// + dotted host", build: (n) => msg("", `http://${fill("a.", n)}`) },
  { name: "http:// repeated", build: (n) => msg("", fill("http://", n)) },
  { name: "www. repeated", build: (n) => msg("", fill("www.", n)) },
  { name: "address-like run", build: (n) => msg("", fill("a.-%+", n)) },
  { name: "@ between dots", build: (n) => msg("", fill(".@", n)) },
  { name: "one huge header line", build: (n) => `X-Long: ${fill("x", n)}\r\nFrom: a@mail.example\r\n\r\nhi` },
  { name: "header folding runs", build: (n) => `From: a@mail.example\r\nSubject: x${fill("\r\n ", n)}\r\n\r\nhi` },
  { name: "many headers", build: (n) => `From: a@mail.example\r\n${fill("X-A: b\r\n", n)}\r\nhi` },
  { name: "many encoded words", build: (n) => `From: a@mail.example\r\nSubject: ${fill("=?utf-8?B?w6k=?= ", n)}\r\n\r\nhi` },
  { name: "Authentication-Results run", build: (n) => `From: a@mail.example\r\nAuthentication-Results: ${fill("spf=", n)}\r\n\r\nhi` },
  {
    name: "deep multipart nesting",
    build: (n) => {
      const depth = Math.max(1, Math.floor(n / 80)); // about 70 bytes per level
      let open = "";
      let close = "";
      for (let i = 0; i < depth; i++) {
        open += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
        close = `\r\n--b${i}--${close}`;
      }
      return `From: a@mail.example\r\nSubject: nest\r\n${open}Content-Type: text/plain\r\n\r\nhi${close}`;
    },
  },
  { name: "many multipart parts", build: (n) => `From: a@mail.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${fill("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n", n)}--b--` },
  { name: "many attachments", build: (n) => `From: a@mail.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${fill('--b\r\nContent-Type: application/octet-stream; name="a.pdf          .exe"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQ\r\n', n)}--b--` },
  { name: "attachment name run", build: (n) => `From: a@mail.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: application/octet-stream; name="a${fill(" ", n)}.exe"\r\n\r\nMZ\r\n--b--` },
  { name: "base64 body of junk", build: (n) => msg("Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n", fill("*!$A", n)) },
  { name: "HTML with hidden text", build: (n) => msg("Content-Type: text/html\r\n", fill('<span style="display:none;font-size:0">x</span>', n)) },
  { name: "blank lines then headers", build: (n) => `${fill("\r\n", n)}From: a@mail.example\r\n\r\nhi` },
  { name: "mbox From lines", build: (n) => `From x\r\n${fill("From x\r\n", n)}` },
  {
    name: "pseudo-random ASCII",
    build: (n) => {
      let x = 0x2545f491;
      let out = "From: a@mail.example\r\n\r\n";
      while (out.length < n) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out += String.fromCharCode(32 + ((x >>> 0) % 95));
      }
      return out;
    },
  },
];

/** Strings for the URL pipeline (URLs are at most 8,192 characters there; the detector gets any length). */
export const URL_SHAPES: Shape[] = [
  ...RUN_CHARS.flatMap((c): Shape[] => [
    { name: `path run ${JSON.stringify(c)}`, build: (n) => `http://a.example/${fill(c, n)}` },
    { name: `host run ${JSON.stringify(c)}`, build: (n) => `http://${fill(c, n)}.com/` },
    { name: `query run ${JSON.stringify(c)}`, build: (n) => `http://a.example/?q=${fill(c, n)}` },
  ]),
  { name: "dotted host", build: (n) => `http://${fill("a.", n)}com/` },
  { name: "hyphen labels", build: (n) => `http://${fill("a-", n)}.com/` },
  { name: "userinfo run", build: (n) => `http://${fill("user:", n)}@a.example/` },
  { name: "http:// repeated", build: (n) => fill("http://", n) },
  { name: "percent escapes", build: (n) => `http://a.example/${fill("%2f%40", n)}` },
  { name: "redirect params", build: (n) => `http://a.example/?${fill("url=http://b.example&", n)}` },
  { name: "IDN run", build: (n) => `http://${fill("пример", n)}.рф/` },
  { name: "punycode labels", build: (n) => `http://${fill("xn--80ak6aa92e.", n)}com/` },
];
