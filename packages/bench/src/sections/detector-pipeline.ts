// Pure pipeline time per email and per URL: parse, features, model (margin + TreeSHAP + reasons),
// and the whole analyzeEmail / analyzeUrl call; median and p99 over a sample of the shared data.
import { analyzeEmail, analyzeUrl } from "../../../detector/src/index.ts";
import { emailFeatures, parseEmail } from "../../../detector/src/email/index.ts";
import { urlFeatures } from "../../../detector/src/url/index.ts";
import type { BenchSection } from "../section.ts";
import { summarize } from "../stats.ts";
import { sampleEmails, sampleUrls } from "./sample-data.ts";

const EMAILS_PER_FILE = 150;
const URLS = 3000;

async function timeAsync<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function timeSync<T>(fn: () => T): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export const detectorPipeline: BenchSection = {
  name: "detector pipeline (pure, per item)",
  async run(ctx) {
    if (!ctx.dataDir) return ctx.log("skipped: no shared data");
    const emails = await sampleEmails(ctx.dataDir, EMAILS_PER_FILE);
    const urls = await sampleUrls(ctx.dataDir, URLS);
    // Warm-up so JIT compilation is not billed to the first items.
    for (const raw of emails.slice(0, 20)) await analyzeEmail(raw);
    for (const u of urls.slice(0, 200)) analyzeUrl(u);

    const parse: number[] = [];
    const feats: number[] = [];
    const total: number[] = [];
    for (const raw of emails) {
      let parsed: Awaited<ReturnType<typeof parseEmail>> | undefined;
      parse.push(await timeAsync(async () => (parsed = await parseEmail(raw))));
      feats.push(timeSync(() => emailFeatures(parsed!)));
      total.push(await timeAsync(() => analyzeEmail(raw)));
    }
    ctx.log(`emails (${emails.length}, ${EMAILS_PER_FILE} from each file)`);
    ctx.log(`  parse (postal-mime + cleanup)   ${summarize(parse).text}`);
    ctx.log(`  features                         ${summarize(feats).text}`);
    ctx.log(`  analyzeEmail end to end          ${summarize(total).text}`);
    ctx.log(`    (email model + TreeSHAP reasons, every link through the URL model, TreeSHAP for up to 5 risky links)`);

    const uf: number[] = [];
    const ut: number[] = [];
    for (const u of urls) {
      try {
        uf.push(timeSync(() => urlFeatures(u)));
        ut.push(timeSync(() => analyzeUrl(u)));
      } catch {
        // unparseable URLs are not timed
      }
    }
    ctx.log(`URLs (${ut.length} from urls.csv.gz)`);
    ctx.log(`  features                         ${summarize(uf).text}`);
    ctx.log(`  analyzeUrl end to end            ${summarize(ut).text}`);
  },
};
