export { generateApiKey, parseApiKey, hashApiKey, displayPrefix, KEY_RANDOM_CHARS, type KeyEnvironment, type ParsedApiKey } from "./format.ts";
export { TIERS, SCOPES, isTier, planAllows, type Tier, type TierLimits, type Scope } from "./tiers.ts";
export { extractApiKey, type KeyLocation } from "./extract.ts";
export { crc32 } from "./crc32.ts";
