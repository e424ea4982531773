export { useHttpHygiene } from "./use-http-hygiene.ts";
export { consoleCors, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from "./console-cors.ts";
export { refuseContentEncoding, unsupportedCoding } from "./content-encoding.ts";
export { methodGuard, methodsFor, patternToRegExp } from "./method-guard.ts";
export { requestLog } from "./request-log.ts";
export { logEvent, errorText, type LogLevel } from "./log.ts";
export { requestScope, currentRequestId } from "./request-scope.ts";
