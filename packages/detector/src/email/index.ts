export { parseEmail, stripMboxFromLine, EmailParseError, type ParsedEmail, type ParsedAttachment, type Mailbox } from "./parse.ts";
export { headerClaims } from "./header-claims.ts";
export { EMAIL_FEATURE_NAMES, emailFeatures, type EmailFeatures, type EmailFeatureName } from "./features.ts";
export { brandNamedIn, dominantBrandInText } from "./brand-text.ts";
export { scanHtml, decodeEntities, type HtmlScan, type Anchor } from "./html.ts";
export { neutralisePlaceholders, NEUTRAL_ADDRESS } from "./placeholders.ts";
export { addressDomain, addressRegistrableDomain } from "./domains.ts";
