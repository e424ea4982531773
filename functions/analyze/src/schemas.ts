// The shapes the analysis Worker answers with, as schemas: they are its part of the API document.
import { z } from "@traceo/openapi";

const Verdict = z.enum(["phishing", "suspicious", "legitimate"]);

const Reason = z.object({
  feature: z.string().openapi({ example: "url_brand_lookalike" }),
  value: z.number().nullable(),
  contribution: z.number().openapi({ description: "Exact TreeSHAP contribution (log-odds); positive pushes toward phishing." }),
  message: z.string().openapi({ example: 'The domain paypa1-secure.top imitates PayPal ("paypa1").', description: "The value in words, as it is (present or absent, short or long against the usual range), with the direction it pushed when that is not the obvious one." }),
});

const UrlResult = z.object({
  url: z.string(),
  registrable_domain: z.string().nullable(),
  score: z.number().int().min(0).max(100),
  probability: z.number().min(0).max(1),
  verdict: Verdict,
  reasons: z.array(Reason).openapi({ description: "Up to 3 reasons for a URL scored suspicious or phishing: every such URL of a /v1/analyze/url request, the 5 riskiest links of an email. Empty for a legitimate URL." }),
});

const HeaderClaims = z.object({
  spf: z.string().nullable(),
  dkim: z.string().nullable(),
  dmarc: z.string().nullable(),
  from_address: z.string().nullable(),
  from_display_name: z.string().nullable(),
  from_domain: z.string().nullable(),
  reply_to_domain: z.string().nullable(),
  return_path_domain: z.string().nullable(),
  reply_to_aligned: z.boolean().nullable(),
  return_path_aligned: z.boolean().nullable(),
});

export const ReportSchema = z
  .object({
    id: z.string().openapi({ example: "rep_01KBK3ZQ6C9W7Y0V8R1M2N3P4Q" }),
    created_at: z.string().openapi({ format: "date-time" }),
    kind: z.enum(["email", "url"]),
    verdict: Verdict,
    score: z.number().int().min(0).max(100).openapi({ description: "round(probability × 100)" }),
    probability: z.number().min(0).max(1).openapi({ description: "Calibrated probability of phishing." }),
    model_version: z.string(),
    reasons: z.array(Reason),
    urls: z.array(UrlResult),
    headers: HeaderClaims.nullable().openapi({ description: "What the message's headers claim (null for URL analyses)." }),
    subject: z.string().nullable(),
  })
  .openapi("Report");

export const HealthSchema = z
  .object({ status: z.literal("ok"), models: z.object({ email: z.string(), url: z.string() }) })
  .openapi("Health");
