// Query and answer shapes of the reports Worker: they validate requests and are its API document.
// The schemas bound each parameter's form; the handlers' parsers add what a schema cannot say
// (real calendar dates, cursors bound to their query) with the same 422 problem.
import { requireApiKey } from "@traceo/gateway";
import { API_KEY_SECURITY, createRoute, problemResponses, RATE_LIMIT_HEADERS, z } from "@traceo/openapi";
import { MAX_QUERY_CHARS } from "./limits.ts";

const DATE_OR_DATE_TIME = "A date (`2026-12-01`, midnight UTC) or an RFC 3339 date-time with offset (`2026-12-01T08:00:00Z`).";
const instantParam = (name: string) => z.string().max(40).optional().openapi({ param: { name, in: "query" }, description: DATE_OR_DATE_TIME, example: "2026-12-01" });
const Verdict = z.enum(["phishing", "suspicious", "legitimate"]);

export const SearchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional().openapi({ param: { name: "q", in: "query" }, description: "Full-text search, web-search syntax (`\"exact phrase\"`, `or`, `-word`).", example: "verify your account" }),
  verdict: z
    .string()
    .regex(/^\s*(phishing|suspicious|legitimate)\s*(,\s*(phishing|suspicious|legitimate)\s*){0,2}$|^$/, "use one or more of phishing, suspicious, legitimate, separated by commas")
    .optional()
    .openapi({ param: { name: "verdict", in: "query" }, description: "Comma-separated verdicts.", example: "phishing,suspicious" }),
  from: instantParam("from"),
  to: instantParam("to"),
  domain: z.string().max(253).optional().openapi({ param: { name: "domain", in: "query" }, description: "A domain or part of one (≥ 3 characters): exact and look-alike sender/link domains.", example: "paypa1" }),
  cursor: z.string().max(1024).optional().openapi({ param: { name: "cursor", in: "query" }, description: "`next_cursor` of the previous page, unchanged (same query)." }),
  limit: z.string().regex(/^\d{1,4}$/, "must be a whole number from 1 to 50").optional().openapi({ param: { name: "limit", in: "query" }, description: "Page size, 1-50 (default 20).", example: "20" }),
});

export const UsageQuerySchema = z.object({
  from: instantParam("from"),
  to: instantParam("to"),
  granularity: z.enum(["hour", "day"]).optional().openapi({ param: { name: "granularity", in: "query" }, description: "Bucket size (default `day`); at most 31 days of hours or 400 days of days." }),
  key_id: z.string().max(64).optional().openapi({ param: { name: "key_id", in: "query" }, description: "Only this key of the account (`key_…`)." }),
});

const Hit = z.object({
  id: z.string(),
  created_at: z.string().openapi({ format: "date-time" }),
  kind: z.enum(["email", "url"]),
  verdict: Verdict,
  score: z.number().int().min(0).max(100),
  subject: z.string().nullable(),
  sender_domain: z.string().nullable(),
  link_domains: z.array(z.string()),
  snippet: z.string().nullable().openapi({ description: "Matched words between « and » (plain text)." }),
  rank: z.number().nullable(),
  domain_similarity: z.number().nullable(),
});

export const SearchPageSchema = z
  .object({
    order: z.enum(["rank", "time"]),
    results: z.array(Hit),
    next_cursor: z.string().nullable(),
    rank_window_full: z.boolean().openapi({ description: "A ranked search scored only the newest matches; narrow with from/to for older ones." }),
  })
  .openapi("ReportSearchPage");

const StatusCounts = z.object({ "2xx": z.number().int(), "3xx": z.number().int(), "4xx": z.number().int(), "5xx": z.number().int() });

export const UsageSummarySchema = z
  .object({
    from: z.string().openapi({ format: "date-time" }),
    to: z.string().openapi({ format: "date-time" }),
    granularity: z.enum(["hour", "day"]),
    totals: StatusCounts.extend({ requests: z.number().int() }),
    buckets: z.array(z.object({ start: z.string(), requests: z.number().int(), status: StatusCounts, latency_ms: z.object({ p50: z.number(), p95: z.number() }) })),
  })
  .openapi("UsageSummary");

export const searchRoute = createRoute({
  method: "get",
  path: "/v1/reports",
  tags: ["reports"],
  summary: "Search the account's reports",
  description: "Full-text and look-alike domain search with filters; ranked when `q` or `domain` is given, newest first otherwise; keyset paging with `cursor`.",
  security: API_KEY_SECURITY,
  middleware: [requireApiKey("reports:read")] as const,
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: "One page of results.", headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: SearchPageSchema } } },
    ...problemResponses([400, 401, 403, 422, 429, 503], { rateLimited: true }),
  },
});

export const usageRoute = createRoute({
  method: "get",
  path: "/v1/usage",
  tags: ["reports"],
  summary: "API usage of the account",
  description: "Requests by status class and p50/p95 latency per UTC hour or day (buckets without requests are left out).",
  security: API_KEY_SECURITY,
  middleware: [requireApiKey("reports:read")] as const,
  request: { query: UsageQuerySchema },
  responses: {
    200: { description: "The summary.", headers: RATE_LIMIT_HEADERS, content: { "application/json": { schema: UsageSummarySchema } } },
    ...problemResponses([400, 401, 403, 422, 429, 503], { rateLimited: true }),
  },
});
