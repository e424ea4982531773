// Resident memory of the processes of one group (the workerd a `wrangler dev` started), from /proc.
import { readdirSync, readFileSync } from "node:fs";

/** Sum of VmRSS (MiB) over the processes of group `pgid` whose command starts with `command`; 0 if none. */
export function groupRssMiB(pgid: number, command = "workerd"): number {
  let kib = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state, ppid, pgrp, ...
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const pgrp = Number(stat.slice(close + 2).split(" ")[2]);
      if (pgrp !== pgid || !name.startsWith(command)) continue;
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) kib += Number(rss[1]);
    } catch {
      // the process ended while we looked
    }
  }
  return kib / 1024;
}

/** Least-squares slope of (seconds, MiB) samples, in MiB per minute. */
export function slopeMiBPerMinute(samples: { seconds: number; mib: number }[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = samples.reduce((s, p) => s + p.seconds, 0) / n;
  const meanY = samples.reduce((s, p) => s + p.mib, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.seconds - meanX) * (p.mib - meanY);
    den += (p.seconds - meanX) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}
