// The address a request came from, for per-IP rate limits. Next.js sets X-Forwarded-For to the socket's address only
// when the request has none, so the address is the n-th entry from the right, n = AGORA_PROXY_HOPS (default 1: the
// entry written by the one proxy in front of Agora, or by Next.js itself when nothing is in front).
// Without a reverse proxy a client can send its own X-Forwarded-For; production deployments put one in front.
import "server-only";
import { env } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(headers: HeaderSource, hops: number = env().AGORA_PROXY_HOPS): string {
  const chain = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = chain[Math.max(0, chain.length - hops)] ?? headerValue(headers, "x-real-ip") ?? "unknown";
  // IPv4-mapped IPv6 and the plain IPv4 are the same client.
  return entry.replace(/^::ffff:/i, "").slice(0, 64).toLowerCase();
}
