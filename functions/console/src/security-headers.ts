// The console's response headers. The CSP allows scripts and styles only from the console's own
// origin (no inline code anywhere), images from itself plus data: (the 2FA QR is an SVG data URI)
// and blob: (none today, kept out), and network calls only to itself and the configured API origin.

/** The origin of `apiBase` ("" or a relative base means the console's own origin, i.e. none extra). */
export function apiOrigin(apiBase: string): string | null {
  if (apiBase.trim() === "") return null;
  try {
    const url = new URL(apiBase);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(apiBase: string): string {
  const extra = apiOrigin(apiBase);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${extra ? ` ${extra}` : ""}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(apiBase: string): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(apiBase),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}
