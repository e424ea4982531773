// Public API of @traceo/detector.
export { analyzeEmail, analyzeEmailWithText, analyzeUrl, analyzeUrls, MODEL_VERSIONS } from "./analyze.ts";
export { EmailParseError } from "./email/index.ts";
export { UrlParseError } from "./url/index.ts";
export { MAX_URL_INPUT_LENGTH, urlInputProblem } from "./url/input.ts";
export { reportFields, toReport, type ReportFields } from "./report.ts";
export { FeatureMismatchError } from "./model/feature-vector.ts";
export type { Analysis, HeaderClaims, Reason, UrlResult, Verdict } from "./types.ts";
