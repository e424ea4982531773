export { recordUsage, type RecordUsageOptions } from "./record-usage.ts";
export { UsageBuffer, type FlushTarget } from "./usage-buffer.ts";
