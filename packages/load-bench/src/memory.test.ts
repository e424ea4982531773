import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { slopeMiBPerMinute, groupRssMiB } from "./memory.ts";

describe("slopeMiBPerMinute", () => {
  it("is the least-squares growth per minute", () => {
    const samples = [0, 60, 120, 180].map((seconds) => ({ seconds, mib: 500 + seconds / 30 }));
    expect(slopeMiBPerMinute(samples)).toBeCloseTo(2, 10);
  });

  it("is zero for flat memory and for fewer than two samples", () => {
    expect(slopeMiBPerMinute([60, 120, 180].map((seconds) => ({ seconds, mib: 700 })))).toBe(0);
    expect(slopeMiBPerMinute([{ seconds: 0, mib: 700 }])).toBe(0);
  });
});

describe("groupRssMiB", () => {
  it("sums the resident memory of one process group, by command name", async () => {
    // A detached child leads its own group (pgid = its pid), as wrangler dev does in bench:load;
    // it says "up" once Node has loaded, so its memory is all there when it is read.
    const child = spawn(process.execPath, ["-e", "console.log('up'); setInterval(() => {}, 60_000)"], { detached: true, stdio: ["ignore", "pipe", "ignore"] });
    await new Promise((resolve) => child.stdout.once("data", resolve));
    try {
      const rss = groupRssMiB(child.pid!, "node");
      expect(rss).toBeGreaterThan(10);
      expect(rss).toBeLessThan(512);
      expect(groupRssMiB(child.pid!, "workerd")).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
