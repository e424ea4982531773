// The web console in a real browser (Debian's Chromium through playwright-core) against the whole
// local stack: sign up → 2FA setup with a real TOTP code → sign out and in with 2FA → create a key →
// analyse a phishing email → find it by search → usage chart → revoke the key → analysis refused.
// Screenshots of every step go to test-artifacts/screenshots/ (ignored by git).
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Secret, TOTP } from "otpauth";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { startDevStack, type DevStack } from "./dev-stack.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHOTS = `${ROOT}test-artifacts/screenshots`;
const PHISHING_EML = `${ROOT}test/fixtures/emails/phishing-verify-account.eml`;
const WAIT = { timeout: 20_000 };

let stack: DevStack;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let page: Page;
const pageProblems: string[] = [];
const failedCalls: string[] = [];
let currentStep = "";

async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

/** The code an authenticator app would show for `secret` in time step `step` (30 s steps). */
function totpCode(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: step * 30_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startDevStack({ timeoutMs: 90_000, log: (line) => console.log(line) });
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  context = browser.context;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.base });
  page = context.pages()[0] ?? (await context.newPage());
  // Any script error or CSP violation fails the journey at the end.
  page.on("pageerror", (err) => pageProblems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    // Refused API calls are checked below by URL; anything else logged as an error is a problem.
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) pageProblems.push(`console: ${msg.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedCalls.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname} (${currentStep})`);
  });
}, 120_000);

beforeEach((ctx) => { currentStep = ctx.task.name; });
// A failed step leaves a picture of what the page showed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail" && page) await shot(`failed-${ctx.task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe("web console journey", () => {
  const username = `browser_${Date.now().toString(36)}`;
  const password = "correct horse battery staple";
  let secret = "";
  let confirmStep = 0;
  let apiKey = "";
  let backupCodes: string[] = [];

  it("signs up and lands on the 2FA page", async () => {
    const landing = await page.goto(`${stack.base}/`);
    expect(landing?.url()).toBe(`${stack.base}/console/`); // the dev address lands on the console
    expect(landing?.headers()["content-security-policy"]).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    await page.getByRole("heading", { name: "Sign in" }).waitFor(WAIT);
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.className")).toBe("skip-link"); // first stop: skip to content
    await shot("01-sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Email").fill(`${username}@example.com`);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Two-factor authentication", level: 1 }).waitFor(WAIT);
    await page.getByText(/Two-factor authentication is off\./).waitFor(WAIT);
    await shot("02-signed-up");
  });

  it("sets up 2FA with the secret read from the page and a real TOTP code; backup codes download once", async () => {
    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    const qr = page.getByRole("img", { name: /QR code/ });
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    secret = (await page.locator("#totp-secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    await shot("03-2fa-setup");

    confirmStep = Math.floor(Date.now() / 30_000);
    await page.getByLabel("6-digit code from the app").fill(totpCode(secret, confirmStep));
    await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    const codes = page.locator(".backup-codes li");
    await codes.first().waitFor(WAIT);
    expect(await codes.count()).toBe(10);
    const shown = (await codes.allTextContents()).map((c) => c.trim());
    backupCodes = shown;

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as file" }).click()]);
    expect(download.suggestedFilename()).toBe("traceo-backup-codes.txt");
    const file = readFileSync((await download.path())!, "utf8");
    for (const code of shown) expect(file).toContain(code);

    await page.getByRole("button", { name: "Copy codes" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor(WAIT);
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(shown.join("\n"));
    await shot("04-backup-codes");
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByRole("button", { name: "Create key" }).waitFor(WAIT); // the keys page has loaded
  });

  it("signs out, then signs in again with password and a TOTP code", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor(WAIT);
    await page.getByLabel("Username or email").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.keyboard.press("Enter"); // keyboard only: Enter submits
    await page.getByRole("heading", { name: "Two-factor authentication" }).waitFor(WAIT);
    // The confirm step's code is spent (replay protection); the next step's code is within the ±1 window.
    await page.getByLabel("Authentication or backup code").fill(totpCode(secret, confirmStep + 1));
    await shot("05-2fa-challenge");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Verify"); // the code field is focused, then the button
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor(WAIT);
  });

  it("creates a key (tiers limited by the plan), shown once with a copy button", async () => {
    await page.getByRole("button", { name: "Create key" }).waitFor(WAIT); // the form comes with the account's plan
    const tiers = await page.getByLabel("Tier").locator("option").allTextContents();
    expect(tiers).toEqual(["free"]); // sign-ups start on the free plan
    await page.getByLabel("Name").fill("browser journey");
    await page.getByRole("button", { name: "Create key" }).click();
    const shownKey = page.getByLabel("Your new key");
    await shownKey.waitFor(WAIT);
    apiKey = await shownKey.inputValue();
    expect(apiKey).toMatch(/^sk_test_[0-9A-Za-z]{38}$/);
    await page.getByRole("button", { name: "Copy key" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor(WAIT);
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(apiKey);
    await page.locator("table.keys tbody tr", { hasText: "browser journey" }).getByText("active").waitFor(WAIT);
    await shot("06-key-created");
  });

  it("rolls the key with no grace period: a new key is shown once, the old one is revoked", async () => {
    const row = page.locator("table.keys tbody tr", { hasText: "browser journey" });
    await row.getByRole("combobox").selectOption("0");
    await row.getByRole("button", { name: "Roll" }).click();
    await page.getByRole("heading", { name: 'New key for "browser journey"' }).waitFor(WAIT);
    const rolled = await page.getByLabel("Your new key").inputValue();
    expect(rolled).toMatch(/^sk_test_/);
    expect(rolled).not.toBe(apiKey);
    apiKey = rolled;
    await page.locator("table.keys tbody tr", { hasText: "revoked" }).waitFor(WAIT);
    expect(await page.locator("table.keys tbody tr", { hasText: "active" }).count()).toBe(1);
    await shot("06b-key-rolled");
    await page.getByText("The old key no longer works.").waitFor(WAIT);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("06c-keys-narrow");
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("analyses a phishing .eml: verdict, gauge, reasons, links and header claims are shown", async () => {
    await page.getByRole("link", { name: "Analyse" }).click();
    expect(await page.getByLabel("API key").inputValue()).toBe(apiKey);
    // Drag and drop the .eml onto the drop zone, as a person would from their mail client.
    const eml = readFileSync(PHISHING_EML, "utf8");
    const dropped = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(eml)}], "phishing-verify-account.eml", { type: "message/rfc822" }));
      return data;
    })()`);
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
    await page.getByText("Loaded phishing-verify-account.eml").waitFor(WAIT);
    expect(await page.getByLabel("Raw email (headers and body)").inputValue()).toBe(eml.replace(/\r\n/g, "\n")); // shown; the file's own bytes are sent
    await page.getByRole("button", { name: "Analyse email" }).click();
    const verdict = page.locator("#report-title .verdict");
    await verdict.waitFor(WAIT);
    expect(await verdict.getAttribute("data-verdict")).toBe("phishing");
    expect(await verdict.isVisible()).toBe(true);
    expect(await page.getByRole("img", { name: /^Score \d+ out of 100$/ }).isVisible()).toBe(true);
    const reasons = page.locator(".reasons .reason-text");
    expect(await reasons.count()).toBeGreaterThan(0);
    expect(await reasons.first().isVisible()).toBe(true);
    expect((await reasons.first().textContent())!.length).toBeGreaterThan(10);
    await page.getByRole("heading", { name: "What the headers claim" }).waitFor(WAIT);
    await shot("07-analysis");
    await page.locator(".report").screenshot({ path: `${SHOTS}/07a-report.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("07b-analysis-narrow");
    // Reflows at a phone's width: nothing wider than the screen.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("finds the report by search, with the matched words highlighted", async () => {
    await page.getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Words in your reports").fill("verify account");
    await page.getByRole("button", { name: "Search" }).click();
    const hit = page.locator(".hit").first();
    await hit.waitFor(WAIT);
    expect(await hit.locator(".verdict").getAttribute("data-verdict")).toBe("phishing");
    const marks = (await hit.locator("mark").allTextContents()).map((m) => m.toLowerCase());
    expect(marks.some((m) => m.startsWith("verif"))).toBe(true);
    expect(await hit.locator(".snippet").textContent()).not.toMatch(/[«»]/);
    await shot("08-search");
  });

  it("shows hostile text from a pasted email as text, never as markup", async () => {
    await page.getByRole("link", { name: "Analyse" }).click();
    const subject = `<img src=x onerror="window.__xss=1"><b>bold</b> invoice`;
    const raw = `From: Billing <billing@example.com>\r\nTo: you@example.org\r\nSubject: ${subject}\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nHello, your invoice is attached.\r\n`;
    await page.getByLabel("Raw email (headers and body)").fill(raw);
    await page.getByRole("button", { name: "Analyse email" }).click();
    const shown = page.locator(".report .subject strong");
    await shown.waitFor(WAIT);
    expect(await shown.textContent()).toBe(subject);
    expect(await page.locator(".report .subject img, .report .subject b").count()).toBe(0);
    expect(await page.evaluate("window.__xss")).toBeUndefined();
    await shot("08b-hostile-subject");
  });

  it("signs in with a backup code; the 2FA page then counts 9 left", async () => {
    await page.getByRole("link", { name: "2FA" }).click();
    await page.getByText("Backup codes left: 10.").waitFor(WAIT); // the TOTP sign-in spent none
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Username or email").fill(`${username}@example.com`); // by email this time
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Authentication or backup code").fill(backupCodes[3]!);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByRole("heading", { name: "API keys", level: 1 }).waitFor(WAIT);
    await page.getByRole("link", { name: "2FA" }).click();
    await page.getByText("Two-factor authentication is on.").waitFor(WAIT);
    await page.getByText("Backup codes left: 9.").waitFor(WAIT);
    await shot("08c-2fa-status");
  });

  it("draws the usage chart", async () => {
    await page.getByRole("link", { name: "Usage" }).click();
    const chart = page.getByRole("img", { name: /^Requests per day/ });
    await chart.waitFor(WAIT);
    // Usage rows are written just after each response; refresh until the analysis and search show.
    for (let attempt = 0; attempt < 10 && (await chart.locator("rect").count()) === 0; attempt++) {
      await page.getByRole("button", { name: "Refresh" }).click();
      await page.getByRole("img", { name: /^Requests per day/ }).waitFor(WAIT);
    }
    expect(await chart.locator("rect").count()).toBeGreaterThan(0);
    expect(await chart.getAttribute("aria-label")).toMatch(/[1-9]\d* in total/);
    await shot("09-usage");
  });

  it("revokes the key; analysing with it then fails with a clear message", async () => {
    await page.getByRole("link", { name: "API keys" }).click();
    const row = page.locator("table.keys tbody tr", { hasText: "active" });
    await row.waitFor(WAIT);
    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByText('Key "browser journey" revoked.').waitFor(WAIT);
    await row.waitFor({ state: "detached", ...WAIT }); // no active key left
    await shot("10-key-revoked");

    await page.getByRole("link", { name: "Analyse" }).click();
    await page.getByLabel("URL", { exact: true }).fill("http://secure-login.paypa1-account-verify.com/signin");
    await page.getByRole("button", { name: "Analyse URL" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/This API key was refused: .*revoked.*Create a new key/);
    await shot("11-revoked-key-refused");
  });

  it("serves the OpenAPI document and the API reference, rendered from bundled assets", async () => {
    const document = await page.request.get(`${stack.base}/openapi.json`);
    expect(document.status()).toBe(200);
    expect((await document.json()) as { openapi: string }).toMatchObject({ openapi: "3.1.0", info: { title: "Traceo Edge API" } });

    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(stack.base) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) external.push(request.url());
    });
    const reference = await page.goto(`${stack.base}/docs`);
    expect(reference?.status()).toBe(200);
    await page.getByRole("heading", { name: /Traceo Edge API/ }).first().waitFor(WAIT);
    await page.getByRole("heading", { name: "Score a raw email" }).waitFor(WAIT); // an operation, rendered
    expect(external).toEqual([]); // nothing from a CDN
    await shot("12-api-reference", false);
  });

  it("ran without script errors or Content-Security-Policy violations; the only refused call was the revoked key's", () => {
    expect(pageProblems).toEqual([]);
    expect(failedCalls).toEqual(["401 POST /v1/analyze/url (revokes the key; analysing with it then fails with a clear message)"]);
  });
});
