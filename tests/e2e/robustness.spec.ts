// Hostile input never gets a 5xx: every page and route handler of app/ (found on disk when the test runs, so routes
// added later are covered too) and every server action of the production build (found in its manifest) is sent
// malformed paths, queries and bodies, anonymously and as the secretariat. Loopback only, a fixed number of
// requests, each with a timeout: it stops by itself within the CI budget.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { test, expect, demoAccount } from "./fixtures";
import { E2E_PORT, projectRoot } from "./env.ts";

const BASE = `http://localhost:${E2E_PORT}`;
const REQUEST_TIMEOUT = 30_000;
const PARALLEL_PROBES = 4;

interface Route {
  /** e.g. "/consultations/[slug]/drafts/[draft]" */
  template: string;
  kind: "page" | "route";
  methods: string[];
}

/** Every page.tsx and route.ts under app/, as URL templates (route groups dropped), with a route's exported methods. */
function discoverRoutes(): Route[] {
  const appDir = path.join(projectRoot, "app");
  const out: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        out.push({ template: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
        const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as string);
        // next-auth's handler is exported as `export { handler as GET, handler as POST }`.
        for (const m of source.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1] as string);
        out.push({ template: `/${segments.join("/")}`, kind: "route", methods: [...new Set(methods.length ? methods : ["GET"])] });
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.template.localeCompare(b.template));
}

/** Values that are not what a segment expects: broken encodings, control characters, huge, hostile, numeric edge cases. */
const BAD_SEGMENTS = ["%00", "%ff", "%c0%af", "%E2%80%AE", "%25", "..%2f..%2fetc%2fpasswd", "x".repeat(3000), "%3Cscript%3E", "'%20OR%201=1--", "-1", "0", "99999999999999999999", "1e309", "NaN", "%20"];
const BAD_QUERIES = [
  "cursor=%00", "cursor=not-a-cursor", "cursor=eyJzb3J0IjoibmV3ZXN0IiwiYWZ0ZXIiOnsiYXQiOjEsImlkIjp7fX19", "q=%ff", "q=%00", `q=${"a".repeat(5000)}`,
  "limit=-1", "limit=1e9", "limit=abc", "sort=sideways", "theme[]=x&theme[]=y", "group=%00", "country=%ff", "view=EVERYTHING", "type=%27",
  "from=2026-13-45", "a", "=", "&&&", "%", "version=-1&compare=NaN", "number=1.5", "id=%00", "receipt=%ff", "callbackUrl=javascript:alert(1)",
];
const DEEP = `${"[".repeat(5000)}${"]".repeat(5000)}`;

interface Probe {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  label: string;
}

/** Real values for the dynamic segments, so the segments after a valid one are reached too. */
async function realValues(api: APIRequestContext): Promise<Record<string, string>> {
  const values: Record<string, string> = { number: "1", status: "400", id: "x", "...nextauth": "session" };
  const list = (await (await api.get("/api/v1/consultations")).json()) as { items?: { slug: string }[] } | { slug: string }[];
  const consultations = Array.isArray(list) ? list : (list.items ?? []);
  const slug = consultations[0]?.slug;
  if (slug) {
    values.slug = slug;
    const subs = (await (await api.get(`/api/v1/consultations/${slug}/submissions?limit=5`)).json()) as { items: { reference: string; attachments: { url: string }[] }[] };
    const first = subs.items[0];
    if (first) values.reference = first.reference;
    const attachment = subs.items.flatMap((s) => s.attachments)[0];
    if (attachment) values.id = attachment.url.split("/").pop() ?? "x";
    const html = await (await api.get(`/consultations/${slug}`)).text();
    const draft = new RegExp(`/consultations/${slug}/drafts/([a-z0-9-]+)`).exec(html)?.[1];
    if (draft) values.draft = draft;
  }
  return values;
}

function fill(template: string, values: Record<string, string>, replace?: { index: number; value: string }): string {
  let index = -1;
  return template.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, rest: string | undefined, name: string) => {
    index++;
    if (replace && replace.index === index) return replace.value;
    return values[`${rest ?? ""}${name}`] ?? values[name] ?? "x";
  });
}

function probesFor(route: Route, values: Record<string, string>): Probe[] {
  const probes: Probe[] = [];
  const real = fill(route.template, values);
  const dynamicCount = (route.template.match(/\[/g) ?? []).length;
  for (const method of route.methods) {
    probes.push({ method, url: real, label: "real values" });
    for (let i = 0; i < dynamicCount; i++) {
      for (const bad of BAD_SEGMENTS) probes.push({ method, url: fill(route.template, values, { index: i, value: bad }), label: `segment ${i} = ${bad.slice(0, 20)}` });
    }
    for (const query of BAD_QUERIES) probes.push({ method, url: `${real}?${query}`, label: `query ${query.slice(0, 30)}` });
    probes.push({ method, url: `${real}/%ff/%00`, label: "extra broken segments" });
  }
  // Bodies a route or page was never meant to get.
  const post = route.methods.includes("POST") ? "POST" : route.kind === "page" ? "POST" : null;
  if (post) {
    probes.push(
      { method: post, url: real, headers: { "content-type": "application/json" }, body: "{not json", label: "invalid JSON" },
      { method: post, url: real, headers: { "content-type": "application/json" }, body: DEEP, label: "5,000-deep JSON" },
      { method: post, url: real, headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe, 0x00]), label: "invalid UTF-8 form" },
      { method: post, url: real, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%00b%40example.org&password=x", label: "NUL in a form field" },
      { method: post, url: real, headers: { "content-type": "image/png" }, body: "\x89PNG", label: "wrong content type" },
    );
  }
  return probes;
}

/** Server action ids of the build, with the page each belongs to. */
function discoverActions(): { id: string; page: string }[] {
  const dist = path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next");
  const manifest = path.join(dist, "server", "server-reference-manifest.json");
  const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as { node?: Record<string, { workers?: Record<string, unknown> }> };
  return Object.entries(parsed.node ?? {}).map(([id, entry]) => {
    const worker = Object.keys(entry.workers ?? {})[0] ?? "app/page";
    // "app/(public)/consultations/[slug]/page" -> a URL on that page
    const page = `/${worker.replace(/^app\//, "").replace(/\/page$/, "").replace(/^page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    return { id, page };
  });
}

function actionProbes(actions: { id: string; page: string }[], values: Record<string, string>): Probe[] {
  const probes: Probe[] = [];
  const origin = BASE;
  for (const { id, page } of actions) {
    const url = fill(page === "/" ? "/" : page, values);
    const fetchAction = (body: string | Buffer, extra: Record<string, string> = {}, label = "") => ({
      method: "POST", url, label: `action ${id.slice(0, 8)}… on ${page}: ${label}`,
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin, accept: "text/x-component", ...extra }, body,
    });
    probes.push(
      fetchAction("{not json", {}, "invalid JSON"),
      fetchAction(Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), {}, "invalid UTF-8"),
      fetchAction(DEEP, {}, "5,000-deep nesting"),
      fetchAction("[]", { "content-type": "application/json" }, "wrong content type"),
      fetchAction("[]", {}, "no arguments"),
      fetchAction("[1,2,3,4,5]", {}, "numbers for every argument"),
      fetchAction('[{"a":{"b":[]}},"x",null,true]', {}, "objects and nulls"),
      fetchAction('["x","$K1"]', {}, "a FormData reference that is not there"),
      fetchAction(JSON.stringify(["x".repeat(2000), "y", { status: "idle" }, "z"]), {}, "oversized string argument"),
      fetchAction('["\\u0000"]', {}, "NUL argument"),
      fetchAction("[]", { origin: "https://evil.example" }, "cross-origin Origin"),
      fetchAction("[]", { origin: "null" }, "null Origin"),
      fetchAction(`[${JSON.stringify("x".repeat(1_200_000))}]`, {}, "1.2 MB body on a 1 MB page"),
    );
    // The same action as a form without JavaScript.
    probes.push({
      method: "POST", url, label: `action ${id.slice(0, 8)}… on ${page}: multipart with junk`,
      headers: { "content-type": "multipart/form-data; boundary=XyZ", origin },
      body: `--XyZ\r\nContent-Disposition: form-data; name="$ACTION_ID_${id}"\r\n\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n[[[[{"\r\n--XyZ--\r\n`,
    });
  }
  return probes;
}

/**
 * Sends one probe byte for byte with node:http (a browser-grade client would refuse or repair most of them) and
 * resolves with the status, or 0 when the server closed the connection without answering (also a failure).
 */
function send(cookie: string, probe: Probe): Promise<number> {
  return new Promise((resolve) => {
    const body = probe.body === undefined ? undefined : Buffer.isBuffer(probe.body) ? probe.body : Buffer.from(probe.body, "utf8");
    const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...probe.headers };
    if (body && !("content-length" in headers)) headers["content-length"] = String(body.length);
    const req = http.request({ host: "127.0.0.1", port: E2E_PORT, path: probe.url, method: probe.method, headers, timeout: REQUEST_TIMEOUT }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    // A declared length the body does not have: the server may answer before reading, or drop the connection.
    req.on("error", () => resolve(-1));
    if (body && headers["content-length"] === String(body.length)) req.end(body);
    else req.end();
  });
}

async function cookieOf(api: APIRequestContext): Promise<string> {
  const state = await api.storageState();
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

async function signedIn(role: "SECRETARIAT" | "PARTICIPANT"): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const account = demoAccount(role);
  await api.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, json: "true" }, maxRedirects: 0 });
  return api;
}

test.describe.configure({ mode: "serial" });

test("no page, route handler or server action answers hostile input with a 5xx", async () => {
  // About 5,500 requests: 3-4 minutes on an idle 2-core machine, far more when it is shared.
  test.setTimeout(30 * 60_000);
  expect(["localhost", "127.0.0.1"]).toContain(new URL(BASE).hostname);
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE });
  const secretariat = await signedIn("SECRETARIAT");
  const values = await realValues(anonymous);
  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const actions = discoverActions();
  expect(actions.length).toBeGreaterThan(10);

  const sessionCookie = await cookieOf(secretariat);
  expect(sessionCookie).toContain("session-token");

  const failures: string[] = [];
  const started = Date.now();
  let sent = 0;
  for (const [who, cookie] of [["anonymous", ""], ["secretariat", sessionCookie]] as const) {
    const probes = [...routes.flatMap((route) => probesFor(route, values)), ...actionProbes(actions, values)];
    // A few requests in flight at once: on a loaded machine the wait is mostly latency, and a real attacker would
    // not send one at a time either. A fixed pool, so the number of requests and the load stay bounded.
    let next = 0;
    const lane = async () => {
      while (next < probes.length) {
        const probe = probes[next++];
        if (!probe) break;
        const status = await send(cookie, probe);
        sent++;
        if (sent % 500 === 0) console.log(`[robustness] ${sent} requests, ${Math.round((Date.now() - started) / 1000)} s`);
        // -1: the connection failed while sending a body the server had already refused (a declared length it did not read).
        if (status >= 500 || status === 0) failures.push(`${status} ${who} ${probe.method} ${probe.url.slice(0, 160)} (${probe.label})`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PROBES }, lane));
  }
  console.log(`[robustness] ${sent} requests to ${routes.length} routes and ${actions.length} actions`);
  expect(failures).toEqual([]);
  await anonymous.dispose();
  await secretariat.dispose();
});

test("pages and files for signed-in people are never kept by a shared cache", async () => {
  test.setTimeout(10 * 60_000);
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE });
  const values = await realValues(anonymous);
  const secretariat = await signedIn("SECRETARIAT");
  const cookie = await cookieOf(secretariat);
  const privateRoutes = discoverRoutes().filter((r) => /^\/(secretariat|my|profile)(\/|$)/.test(r.template) && r.methods.includes("GET"));
  expect(privateRoutes.length).toBeGreaterThan(10);
  // A public page seen signed in carries the person's name in the header: private too.
  const urls = [...privateRoutes.map((r) => fill(r.template, values)), "/", `/consultations/${values.slug ?? "x"}`];
  const failures: string[] = [];
  let answered = 0;
  for (const url of urls) {
    const { status, cacheControl } = await new Promise<{ status: number; cacheControl: string }>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: E2E_PORT, path: url, method: "GET", headers: { cookie }, timeout: REQUEST_TIMEOUT }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, cacheControl: String(res.headers["cache-control"] ?? "") }));
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => resolve({ status: 0, cacheControl: "" }));
      req.end();
    });
    if (status !== 200) continue;
    answered++;
    const shared = /\b(public|s-maxage)\b/.test(cacheControl);
    const kept = !/\b(private|no-store)\b/.test(cacheControl);
    if (shared || kept) failures.push(`${url}: Cache-Control "${cacheControl}"`);
  }
  expect(answered).toBeGreaterThan(10);
  expect(failures).toEqual([]);
  await anonymous.dispose();
  await secretariat.dispose();
});
