// Generators of what people paste as a URL: fast-check's web URLs, the same with odd hosts (IDN,
// punycode, IPv4 in hex/octal/integer notation, IPv6, userinfo, ports), scheme-less and broken ones,
// and arbitrary strings.
import fc from "fast-check";

const ipv4Part = fc.integer({ min: 0, max: 255 });
const ipv4Odd = fc.oneof(
  fc.tuple(ipv4Part, ipv4Part, ipv4Part, ipv4Part).map((p) => p.join(".")),
  fc.tuple(ipv4Part, ipv4Part, ipv4Part, ipv4Part).map((p) => p.map((x) => `0x${x.toString(16)}`).join(".")),
  fc.tuple(ipv4Part, ipv4Part, ipv4Part, ipv4Part).map((p) => p.map((x) => `0${x.toString(8)}`).join(".")),
  fc.integer({ min: 0, max: 0xffffffff }).map(String),
  fc.integer({ min: 0, max: 0xffffffff }).map((x) => `0x${x.toString(16)}`),
  fc.tuple(ipv4Part, fc.integer({ min: 0, max: 0xffffff })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom("256.1.1.1", "1.2.3", "0x100000000", "4294967296", "1..2.3", "01.02.03.0400"),
);
const ipv6 = fc.oneof(fc.ipV6().map((ip) => `[${ip}]`), fc.constantFrom("[::1]", "[::ffff:127.0.0.1]", "[fe80::1%25eth0]", "[::", "[g::1]"));
const idn = fc.constantFrom("пример.рф", "xn--e1afmkfd.xn--p1ai", "аррӏе.com", "xn--80ak6aa92e.com", "paypal.com.xn--secure-9ya.top", "bücher.de", "😀.ws", "xn--.com", "xn--zz.com", "ＥＸＡＭＰＬＥ．ｃｏｍ", "例え.テスト");
const host = fc.oneof({ weight: 3, arbitrary: fc.domain() }, ipv4Odd, ipv6, idn, fc.string({ maxLength: 40 }));
const userinfo = fc.oneof(fc.constant(""), fc.constantFrom("user@", "user:pass@", "paypal.com@", ":@", "a@b@"), fc.string({ maxLength: 20 }).map((s) => `${s}@`));
const port = fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 70000 }).map((p) => `:${p}`), fc.constantFrom(":", ":abc", ":-1"));
const path = fc.oneof(fc.webPath(), fc.string({ maxLength: 60 }).map((s) => `/${s}`), fc.constantFrom("/login.php?email=a%40b.example", "/../../etc", "//x", "/%00", "/?url=http://evil.example"));

/** A URL assembled from odd parts. */
export const oddUrl = fc
  .tuple(fc.constantFrom("http://", "https://", "HTTP://", "ftp://", "", "//", "hxxp://", "javascript:", "data:text/html,"), userinfo, host, port, path, fc.oneof(fc.constant(""), fc.webQueryParameters().map((q) => `?${q}`)), fc.oneof(fc.constant(""), fc.webFragments().map((f) => `#${f}`)))
  .map((parts) => parts.join(""));

/** Everything the URL properties feed in. */
export const anyUrlInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withIPv4: true, withIPv6: true, withIPv4Extended: true, withUserInfo: true, withPort: true } }) },
  { weight: 4, arbitrary: oddUrl },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 100 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("", " ", "\t", "\u00a0"), oddUrl, fc.constantFrom("", " ", "\n")).map((p) => p.join("")) },
);
