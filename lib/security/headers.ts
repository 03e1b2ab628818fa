// Security headers of HTML pages: a Content-Security-Policy with a fresh nonce per request (no 'unsafe-inline' for
// scripts; Next.js puts the nonce on its own scripts), Strict-Transport-Security over HTTPS. Edge-safe: no Node APIs.

export interface PagePolicyOptions {
  nonce: string;
  /** next dev evaluates code (React refresh): 'unsafe-eval' in development only. */
  development: boolean;
  /** Served over HTTPS: upgrade any http: sub-resource. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development, https }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted, hosts lists are ignored by modern browsers.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles are not scripts: React's style attributes and Next's inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, the preload list's minimum; only ever sent over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)";

/** 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
