import { describe, expect, it } from "vitest";
import { parseWrkOutput } from "./wrk.ts";

// What wrk 4.1 printed for drive.lua against a local server (the lines before the summary trimmed).
const SAMPLE = `Running 2s test @ http://127.0.0.1:8999/
  2 threads and 4 connections
Requests/sec:   2424.94
WRK_JSON {"requests":4853,"duration_us":2001290,"p50_us":1529,"p99_us":3831,"max_us":28241,"errors":{"connect":0,"read":1,"write":0,"status":12,"timeout":2},"statuses":{"200":4841,"503":12}}
`;

describe("parseWrkOutput", () => {
  it("turns drive.lua's summary line into rates, milliseconds and error counts", () => {
    const result = parseWrkOutput(SAMPLE);
    expect(result.requests).toBe(4853);
    expect(result.seconds).toBeCloseTo(2.00129, 6);
    expect(result.requestsPerSecond).toBeCloseTo(4853 / 2.00129, 6);
    expect(result.p50Ms).toBe(1.529);
    expect(result.p99Ms).toBe(3.831);
    expect(result.maxMs).toBe(28.241);
    expect(result.statuses).toEqual({ "200": 4841, "503": 12 });
    expect(result.errors).toBe(15);
  });

  it("refuses output without a summary (wrk failed before done())", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:1 Connection refused\n")).toThrow(/no summary/);
  });
});
