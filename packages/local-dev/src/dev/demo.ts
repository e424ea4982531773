// `npm run dev -- --demo`: once the server is up, sends the sample emails and URLs kept in
// test/fixtures to it with the dev key, as a client would, and prints what came back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Reason { message: string; contribution: number }
interface Report { verdict: string; score: number; reasons: Reason[]; subject?: string | null }

function row(input: string, report: Report): string {
  const why = report.reasons.filter((r) => r.contribution > 0).slice(0, 2).map((r) => r.message).join(' / ');
  return `  ${report.verdict.padEnd(10)} ${String(report.score).padStart(3)}  ${input.slice(0, 48).padEnd(48)}  ${why}`;
}

async function analyse(base: string, key: string, path: string, body: string, contentType: string): Promise<Report | string> {
  const res = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body });
  const text = await res.text();
  return res.ok ? (JSON.parse(text) as Report) : `HTTP ${res.status}: ${text.slice(0, 200)}`;
}

export async function runDemo(opts: { root: string; base: string; key: string; say: (line: string) => void }): Promise<void> {
  const dir = join(opts.root, 'test/fixtures/emails');
  const lines = ['', '[dev] demo: real sample messages and URLs from test/fixtures, sent to the running API', '  verdict    score  input                                             top reasons'];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) {
    const result = await analyse(opts.base, opts.key, '/v1/analyze/email', readFileSync(join(dir, file), 'latin1'), 'message/rfc822');
    lines.push(typeof result === 'string' ? `  ${file}: ${result}` : row(file, result));
  }
  const urls = readFileSync(join(opts.root, 'test/fixtures/urls.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const url of urls) {
    const result = await analyse(opts.base, opts.key, '/v1/analyze/url', JSON.stringify({ url }), 'application/json');
    lines.push(typeof result === 'string' ? `  ${url}: ${result}` : row(url, result));
  }
  console.log(lines.join('\n') + '\n');
}
