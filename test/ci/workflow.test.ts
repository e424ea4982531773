// The GitHub Actions workflow: valid YAML with the test job and, on pull requests, a preview
// upload of every Worker this repository deploys (the upload itself cannot run here).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; name?: string };
type Job = { "runs-on": string; if?: string; needs?: string | string[]; services?: Record<string, { image: string }>; steps: Step[]; env?: Record<string, string>; strategy?: { matrix: { config: string[] } } };
const workflow = parse(readFileSync(`${ROOT}.github/workflows/ci.yml`, "utf8"), { strict: true, uniqueKeys: true }) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

describe("CI workflow", () => {
  it("runs on every push and pull request", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
  });

  it("tests with Node 20 against Postgres 15 and Redis 7", () => {
    const test = workflow.jobs.test!;
    expect(test.services?.postgres?.image).toBe("postgres:15");
    expect(test.services?.redis?.image).toBe("redis:7");
    expect(test.steps[0]!.uses).toMatch(/^actions\/checkout@v\d+$/);
    const node = test.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version"]).toBe(20);
    const commands = test.steps.map((s) => s.run);
    expect(commands.indexOf("npm ci")).toBeGreaterThan(-1);
    expect(commands.indexOf("npm test")).toBeGreaterThan(commands.indexOf("npm ci"));
    expect(runs(test)).toContain("wrangler deploy --dry-run");
  });

  it("uploads a preview version of every Worker on pull requests only, after the tests", () => {
    const preview = workflow.jobs.preview!;
    expect(preview.if).toContain("github.event_name == 'pull_request'");
    expect(preview.needs).toBe("test");
    expect(preview.env?.CLOUDFLARE_API_TOKEN).toBe("${{ secrets.CLOUDFLARE_API_TOKEN }}");
    expect(runs(preview)).toMatch(/npx wrangler versions upload --config \$\{\{ matrix\.config \}\} --preview-alias pr-\$\{\{ github\.event\.pull_request\.number \}\}/);
    const configs = ["wrangler.toml", ...readdirSync(`${ROOT}functions`).map((f) => `functions/${f}/wrangler.toml`).filter((p) => existsSync(ROOT + p))].sort();
    expect([...preview.strategy!.matrix.config].sort()).toEqual(configs);
  });
});
