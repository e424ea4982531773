export { limitAllWindows, WINDOWS, type LimitOutcome, type LimitOptions, type WindowState, type WindowName } from "./limit-all-windows.ts";
export { rateLimitHeaders } from "./headers.ts";
