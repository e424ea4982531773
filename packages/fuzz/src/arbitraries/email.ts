// Generators of RFC 822 messages, from plausible to broken: random headers (encoded words, folding,
// addresses, authentication results), multipart trees (mixed/alternative/related, wrong or missing
// boundaries), quoted-printable and base64 bodies (valid and not), HTML with random tags, attributes
// and hrefs, attachments with odd names. Shrinks toward small messages.
import fc from "fast-check";

// Portable (Node and workerd): no Buffer.
const utf8Latin1 = (text: string) => String.fromCharCode(...new TextEncoder().encode(text));
const bytesLatin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

const EOL = fc.constantFrom("\r\n", "\n", "\r\n", "\r");

/** Text as people and spammers write it: ASCII, Unicode, controls, and the characters parsers care about. */
export const messyText = (maxLength = 200): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: fc.constantFrom(..."=?<>\"'@.:;,/\\ \t-_%&#[](){}*!\u00a0\u200b\u202e\u0000\r\n"), maxLength }),
    fc.string({ unit: "binary", maxLength }),
  );

const domain = fc.oneof(
  fc.domain(),
  fc.constantFrom("paypa1-secure.top", "xn--pypal-4ve.com", "аррӏе.com", "192.168.0.1", "[127.0.0.1]", "localhost", "mail.example", "a..b", ".", ""),
);
const localPart = fc.oneof(fc.stringMatching(/^[a-z0-9._%+-]{1,20}$/), fc.constantFrom("\"john doe\"", "user+tag", "", "@", "a@b"));
export const address = fc.tuple(localPart, domain).map(([l, d]) => `${l}@${d}`);

const encodedWord = fc
  .tuple(fc.constantFrom("utf-8", "UTF-8", "iso-8859-1", "windows-1252", "koi8-r", "x-unknown", ""), fc.constantFrom("B", "Q", "b", "q", "X"), messyText(60))
  .map(([charset, enc, text]) => {
    const body = enc.toUpperCase() === "B" ? btoa(utf8Latin1(text)) : text.replace(/[^A-Za-z0-9]/g, (c) => `=${(c.charCodeAt(0) & 0xff).toString(16).toUpperCase().padStart(2, "0")}`);
    return `=?${charset}?${enc}?${body}?=`;
  });

const mailbox = fc.oneof(
  address,
  fc.tuple(fc.oneof(messyText(40), encodedWord), address).map(([name, a]) => `${name} <${a}>`),
  fc.tuple(fc.string({ maxLength: 30 }), address).map(([name, a]) => `"${name}" <${a}>`),
  fc.array(address, { maxLength: 4 }).map((as) => as.join(", ")),
  messyText(80),
);

const headerValue = fc.oneof(messyText(120), encodedWord, fc.array(fc.oneof(encodedWord, messyText(20)), { maxLength: 4 }).map((p) => p.join(" ")));
const authResults = fc
  .tuple(fc.constantFrom("spf", "dkim", "dmarc", "SPF", "arc"), fc.constantFrom("pass", "fail", "softfail", "none", "neutral", "x".repeat(40), ""), fc.string({ maxLength: 30 }))
  .map(([m, r, rest]) => `mx.example; ${m}=${r} ${rest}`);

/** One header line (possibly folded); the name is usually one parsers look at. */
export const header = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("From", "To", "Cc", "Reply-To", "Return-Path", "Subject", "Date", "Message-ID", "Authentication-Results", "Received-SPF", "Received", "X-Mailer", "List-Unsubscribe", "MIME-Version") },
      { weight: 1, arbitrary: fc.stringMatching(/^[!-9;-~]{1,30}$/) },
    ),
    fc.oneof(mailbox, headerValue, authResults),
    fc.boolean(),
    EOL,
  )
  .map(([name, value, fold, eol]) => (fold && value.length > 10 ? `${name}: ${value.slice(0, 10)}${eol}\t${value.slice(10)}` : `${name}: ${value}`));

const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom("javascript:alert(1)", "http://", "//evil.example", "http://user:pass@192.168.0.1:8080/login", "hxxp://x", "http://%00"), messyText(60));

const tag = fc.constantFrom("a", "div", "p", "span", "table", "td", "img", "form", "input", "script", "style", "iframe", "meta", "base", "area", "svg", "!--", "![CDATA[", "?xml", "/a", "body", "html", "font");
const attribute = fc.oneof(
  url.map((u) => `href="${u}"`),
  url.map((u) => `href=${u}`),
  url.map((u) => `action='${u}'`),
  url.map((u) => `src="${u}"`),
  fc.constantFrom('style="display:none"', 'style="font-size:0"', 'style="opacity:0;max-height:0"', 'hidden', 'http-equiv="refresh" content="0;url=http://x.example"'),
  fc.tuple(fc.stringMatching(/^[a-z-]{1,12}$/), messyText(30)).map(([k, v]) => `${k}="${v}"`),
);

/** HTML that is mostly tags, with text, entities and broken markup in between. */
export const html = fc
  .array(
    fc.oneof(
      fc.tuple(tag, fc.array(attribute, { maxLength: 4 }), fc.boolean()).map(([t, attrs, close]) => `<${t} ${attrs.join(" ")}${close ? ">" : ""}`),
      messyText(60),
      fc.constantFrom("&amp;", "&#x3c;", "&#0;", "&nbsp;", "&unknown;", "&#99999999;", "<", ">", "</", "<!--", "-->"),
      url,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** Quoted-printable of `text`, sometimes with soft breaks in odd places and invalid escapes. */
const quotedPrintable = fc.tuple(fc.oneof(messyText(300), html), fc.boolean()).map(([text, broken]) => {
  const encoded = utf8Latin1(text).replace(/[^ -<>-~]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  const lines = encoded.match(/.{1,75}/g) ?? [];
  return lines.join("=\r\n") + (broken ? "=Z=\r\n=" : "");
});
const base64Body = fc.tuple(fc.oneof(messyText(300), html, fc.uint8Array({ maxLength: 300 }).map(bytesLatin1)), fc.boolean()).map(([text, broken]) => {
  // messyText may hold characters above U+00FF: base64 of its UTF-8 bytes then.
  const b64 = btoa(/^[\u0000-\u00ff]*$/.test(text) ? text : utf8Latin1(text));
  return (broken ? `${b64.slice(0, -3)}*!$` : b64).replace(/.{76}/g, "$&\r\n");
});

const filename = fc.oneof(
  fc.constantFrom("invoice.pdf.exe", "document.pdf                    .exe", "photo\u202egnp.exe", "a.html", "payload.iso", "x.docm", "..", ".", "", "COM1", "résumé.pdf", "a".repeat(300) + ".zip"),
  messyText(60),
  encodedWord,
);

interface Leaf {
  type: string;
  encoding: string;
  body: string;
  disposition: string;
}

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ type: fc.constantFrom("text/plain", "text/plain; charset=utf-8", "text/plain; charset=bogus"), encoding: fc.constant("7bit"), body: messyText(400), disposition: fc.constant("") }),
  fc.record({ type: fc.constantFrom("text/html", "text/html; charset=utf-8"), encoding: fc.constant("8bit"), body: html, disposition: fc.constant("") }),
  fc.record({ type: fc.constantFrom("text/html", "text/plain"), encoding: fc.constant("quoted-printable"), body: quotedPrintable, disposition: fc.constant("") }),
  fc.record({ type: fc.constantFrom("text/html", "text/plain", "application/pdf", "application/octet-stream", "image/svg+xml"), encoding: fc.constantFrom("base64", "BASE64", "x-uuencode"), body: base64Body, disposition: fc.constant("") }),
  fc
    .record({ type: fc.constantFrom("application/octet-stream", "application/x-msdownload", "application/zip", "text/html", "message/rfc822", "image/png"), encoding: fc.constant("base64"), body: base64Body, name: filename, star: fc.boolean() })
    .map(({ name, star, ...rest }) => ({ ...rest, type: `${rest.type}; name="${name}"`, disposition: star ? `attachment; filename*=UTF-8''${encodeURIComponent(name)}` : `attachment; filename="${name}"` })),
);

/** A MIME entity: a leaf, or a multipart of entities (nesting bounded by `depth`). */
const entity = (depth: number): fc.Arbitrary<string> =>
  depth <= 0
    ? leaf.map(renderLeaf)
    : fc.oneof(
        { weight: 3, arbitrary: leaf.map(renderLeaf) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom("mixed", "alternative", "related", "signed", "x-weird"), fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,40}$/), fc.array(entity(depth - 1), { maxLength: 4 }), fc.constantFrom("ok", "missing-end", "wrong-boundary", "no-boundary-param"))
            .map(([sub, boundary, parts, shape]) => {
              const param = shape === "no-boundary-param" ? "" : `; boundary="${boundary}"`;
              const sep = shape === "wrong-boundary" ? `${boundary}x` : boundary;
              const body = parts.map((p) => `--${sep}\r\n${p}\r\n`).join("") + (shape === "missing-end" ? "" : `--${sep}--\r\n`);
              return `Content-Type: multipart/${sub}${param}\r\n\r\npreamble\r\n${body}epilogue`;
            }),
        },
      );

function renderLeaf(l: Leaf): string {
  return `Content-Type: ${l.type}\r\nContent-Transfer-Encoding: ${l.encoding}\r\n${l.disposition ? `Content-Disposition: ${l.disposition}\r\n` : ""}\r\n${l.body}`;
}

/** A whole message: a header block (From first, as a real one would be, or anything) and a MIME body. */
export const rfc822Message: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(mailbox.map((m) => `From: ${m}`), header), fc.array(header, { maxLength: 12 }), entity(3), fc.constantFrom("\r\n", "\n"))
  .map(([first, headers, body, eol]) => [first, ...headers, body].join("\r\n").replace(/\r\n/g, eol));

/** Any string or bytes at all. */
export const anyInput: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  messyText(2000),
  fc.uint8Array({ maxLength: 4000 }),
  // Looks like headers first, then anything: gets past the "is this an email" check.
  fc.tuple(fc.constantFrom("From: a@b.example\r\n", "Subject: x\n", "X: y\r\n\r\n"), messyText(2000)).map(([h, rest]) => h + rest),
  fc.tuple(fc.constant(new TextEncoder().encode("From: a@b.example\r\nSubject: ")), fc.uint8Array({ maxLength: 2000 })).map(([h, rest]) => new Uint8Array([...h, ...rest])),
);
