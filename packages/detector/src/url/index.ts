export { URL_FEATURE_NAMES, urlFeatures, UrlParseError, type UrlFeatures, type UrlFeatureName } from "./features.ts";
export { normalizeIpHost, isPrivateIp } from "./ip-host.ts";
export { hostFacts, toAsciiHost, type HostFacts } from "./host.ts";
export { parseUrlLoose, type LooseUrl } from "./parse-url.ts";
export { decodePunycodeLabel, hostToUnicode } from "./punycode.ts";
export { skeleton, isTypoVariant } from "./confusables.ts";
export { BRANDS, brandOfDomain, type Brand } from "./brands.ts";
