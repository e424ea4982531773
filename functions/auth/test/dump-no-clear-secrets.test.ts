// Issue 4 acceptance: after the main journeys, a real `pg_dump` of the database contains none of the
// user's email address, phone number or TOTP secret, nor the submitted message's subject, body or
// sender, in clear, as hex (how pg_dump prints bytea) or as base64. The journeys run through the
// Workers inside workerd (auth as this project's Worker; keys, analyze and reports apps called
// directly); pg_dump runs in Node (test/support/pg-dump-service.ts), against this project's database.
import { describe, expect, it } from "vitest";
import { decodeBase32 } from "@traceo/auth";
import analyzeApp from "../../analyze/src/index.ts";
import keysApp from "../../keys/src/index.ts";
import reportsApp from "../../reports/src/index.ts";
import { BASE, call, codeFor, json, loginTokens, post, testEnv, uniqueIp, withDb, PASSWORD } from "./support.ts";

/** Lower-case letters only, so no encoding of the dump (hex, COPY escapes) can make one by chance. */
function marker(label: string): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return label + Array.from(crypto.getRandomValues(new Uint8Array(14)), (b) => letters[b % 26]).join("");
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = (text: string) => new TextEncoder().encode(text);
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The forms a value could take in a dump: as is, lower-cased, percent-encoded, hex of its bytes, base64 (without padding). */
function forms(name: string, value: string | Uint8Array): [string, string][] {
  const bytes = typeof value === "string" ? utf8(value) : value;
  const out: [string, string][] = [[`${name} hex`, hex(bytes)], [`${name} base64`, base64(bytes).replace(/=+$/, "")]];
  if (typeof value === "string") out.push([name, value], [`${name} lower-case`, value.toLowerCase()], [`${name} percent-encoded`, encodeURIComponent(value)]);
  return out;
}

async function pgDump(): Promise<string> {
  const env = testEnv as Record<string, string>;
  const res = await fetch(env.PG_DUMP_URL!, { method: "POST", headers: { authorization: `Bearer ${env.PG_DUMP_TOKEN}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`pg_dump service: ${res.status} ${text.slice(0, 2000)}`);
  return text;
}

describe("pg_dump after the main journeys", () => {
  it("holds no email address, phone, TOTP secret, or submitted subject, body or sender in clear", async () => {
    // 1. Register with a unique email and phone; sign in; the phone is changed once via PATCH /auth/me.
    const username = marker("dumpuser"); // a public login name, stored in clear by design
    const emailLocal = marker("mailbox");
    const email = `${emailLocal}@${marker("mailhost")}.example`;
    const phoneTyped = `+44 7700 9${String(crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000).padStart(5, "0")}`;
    const phone = phoneTyped.replaceAll(" ", "");
    const ip = uniqueIp();
    const registered = await json<{ id: string; account_id: string }>(await post("/auth/register", { username, email, password: PASSWORD, phone: phoneTyped }, { ip }), 201);
    const { access_token } = await loginTokens({ username, email, password: PASSWORD, ip });
    const me = await json<{ email: string; phone: string }>(await call("/auth/me", { token: access_token }), 200);
    expect(me).toMatchObject({ email, phone });

    // 2. TOTP 2FA: setup and confirm.
    const setup = await json<{ secret: string }>(await post("/auth/2fa/setup", { password: PASSWORD }, { token: access_token, ip }), 200);
    await json(await post("/auth/2fa/confirm", { code: codeFor(setup.secret, -1) }, { token: access_token, ip }), 200);
    const secretBytes = decodeBase32(setup.secret)!;

    // 3. A self-service API key; the account opts in to indexing every body, so the message is kept
    // (encrypted) whatever the model's verdict and the test does not depend on it.
    const keyRes = await keysApp.request(`${BASE}/v1/keys`, { method: "POST", headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" }, body: JSON.stringify({ name: "dump test", tier: "free" }) }, testEnv);
    const apiKey = (await json<{ key: string }>(keyRes, 201)).key;
    await withDb((db) => db.updateTable("accounts").set({ index_legitimate_bodies: true }).where("id", "=", registered.account_id).execute());

    // 4. Submit an email for analysis, with unique markers in subject, body and sender.
    const bodyMarker = marker("bodymarker");
    const subject = `Account review ${marker("subjectmarker")}`;
    const senderAddress = `${marker("sender")}@paypa1-alerts.example`;
    const displayName = `Service Desk ${marker("displayname")}`;
    const bodyLine = `Dear customer, your mailbox ${bodyMarker} will be closed today unless you confirm your password at the secure portal.`;
    const raw = [
      `From: "${displayName}" <${senderAddress}>`, `To: ${email}`, `Subject: ${subject}`, "Date: Thu, 03 Dec 2026 10:00:00 +0000",
      "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", bodyLine, "Call us on " + phoneTyped + " or visit https://paypa1-alerts.example/login?u=" + encodeURIComponent(email), "",
    ].join("\r\n");
    const analysed = await analyzeApp.request(`${BASE}/v1/analyze/email`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "message/rfc822" }, body: raw }, testEnv);
    const report = await json<{ id: string; subject: string }>(analysed, 200);
    expect(report.subject).toBe(subject);

    // 5. Analyse a URL.
    const urlHost = `${marker("urlhost")}.paypa1-login.example`;
    const urlRes = await analyzeApp.request(`${BASE}/v1/analyze/url`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ url: `https://${urlHost}/verify` }) }, testEnv);
    const urlReport = await json<{ id: string }>(urlRes, 200);

    // Search still finds the message by a body word, and shows the decrypted subject and snippet.
    const found = await json<{ results: { id: string; subject: string; snippet: string }[] }>(
      await reportsApp.request(`${BASE}/v1/reports?${new URLSearchParams({ q: bodyMarker })}`, { headers: { authorization: `Bearer ${apiKey}` } }, testEnv), 200);
    expect(found.results.map((r) => r.id)).toEqual([report.id]);
    expect(found.results[0]!.subject).toBe(subject);
    expect(found.results[0]!.snippet).toContain(`«${bodyMarker}»`);

    // 6. The real pg_dump.
    const dump = await pgDump();
    // It is a dump of this database, holding this journey's rows (ids, and the analysed URL's host, kept clear by design).
    expect(dump).toContain("PostgreSQL database dump");
    for (const id of [registered.id, registered.account_id, report.id, urlReport.id]) expect(dump).toContain(id);
    expect(dump).toContain(urlHost);

    const secrets: [string, string][] = [
      ...forms("email", email), ...forms("email local part", emailLocal), ...forms("phone", phone), ...forms("phone as typed", phoneTyped),
      ...forms("TOTP secret", setup.secret), ...forms("TOTP secret bytes", secretBytes),
      ...forms("body marker", bodyMarker), ...forms("body line", bodyLine), ...forms("subject", subject), ...forms("raw message", raw),
      ...forms("sender address", senderAddress), ...forms("sender display name", displayName),
    ];
    const leaks = secrets.filter(([, value]) => dump.includes(value)).map(([name]) => name);
    expect(leaks).toEqual([]);
  });
});
