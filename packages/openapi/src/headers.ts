// The IETF rate-limit fields (draft-ietf-httpapi-ratelimit-headers) and Retry-After, as shared
// header components the routes refer to.
export const HEADER_COMPONENTS = {
  RateLimit: {
    description: 'The tightest window\'s state: `"<window>";r=<remaining>;t=<seconds to reset>`.',
    schema: { type: "string", example: '"minute";r=59;t=42' },
  },
  "RateLimit-Policy": {
    description: 'Every window of the key\'s tier: `"<window>";q=<quota>;w=<window seconds>`, comma-separated.',
    schema: { type: "string", example: '"minute";q=60;w=60, "hour";q=1000;w=3600, "day";q=10000;w=86400' },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying.",
    schema: { type: "integer", minimum: 0, example: 30 },
  },
} as const;

const ref = (name: keyof typeof HEADER_COMPONENTS) => ({ $ref: `#/components/headers/${name}` });
export const RATE_LIMIT_HEADERS = { RateLimit: ref("RateLimit"), "RateLimit-Policy": ref("RateLimit-Policy") };
export const RETRY_AFTER_HEADER = { "Retry-After": ref("Retry-After") };
