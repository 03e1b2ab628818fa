// Every page and route under app/secretariat/ (found on disk, so later ones are covered too) checks the role itself
// before it reads anything: rendered as a participant, each is refused and the database is not touched.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null, reads: [] as string[] }));

// Any use of the database (a model, a raw query, a transaction) is recorded, and fails.
vi.mock("@/lib/db/client", () => {
  const db = new Proxy({}, {
    get(_target, prop) {
      if (prop === "then") return undefined;
      state.reads.push(String(prop));
      throw new Error(`database read before the role check: db.${String(prop)}`);
    },
  });
  return { db, createPrismaClient: () => db, disconnectDb: async () => undefined };
});
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<typeof import("@/lib/auth/session")>()), getCurrentUser: async () => state.user }));
vi.mock("next/navigation", () => ({
  forbidden: () => { throw new Error("NEXT_FORBIDDEN"); },
  notFound: () => { throw new Error("NEXT_NOT_FOUND"); },
  redirect: (url: string) => { throw new Error(`NEXT_REDIRECT:${url}`); },
  unauthorized: () => { throw new Error("NEXT_UNAUTHORIZED"); },
}));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, { has: () => true, rich: (key: string) => key, raw: (key: string) => key });
  return { getTranslations: async () => t, getLocale: async () => "en", getFormatter: async () => ({ dateTime: () => "", number: () => "", relativeTime: () => "" }), getMessages: async () => ({}) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const participant: CurrentUser = {
  id: "participant-1", email: "p@example.org", name: "A participant", role: "PARTICIPANT", stakeholderGroup: "CIVIL_SOCIETY", country: "BR", organisationId: null, locale: "en",
};

function filesUnder(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, name) : name.test(entry.name) ? [full] : [];
  });
}

const root = path.resolve("app/secretariat");
const pages = filesUnder(root, /^page\.tsx$/);
const routes = filesUnder(root, /^route\.ts$/);
const layouts = filesUnder(root, /^layout\.tsx$/);
const params = Promise.resolve(new Proxy({}, { get: (_t, prop) => (prop === "then" ? undefined : "some-value") }));
const searchParams = Promise.resolve({});

afterEach(() => {
  state.reads = [];
});

async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "rendered";
}

describe("secretariat pages and routes, as a participant", () => {
  it("are all found", () => {
    expect(pages.length).toBeGreaterThanOrEqual(14);
    expect(routes.length).toBeGreaterThanOrEqual(1);
  });

  for (const file of [...pages, ...layouts]) {
    const name = path.relative(process.cwd(), file);
    it(`${name}: refused with 403, nothing read`, async () => {
      state.user = participant;
      const mod = (await import(file)) as { default: (props: unknown) => unknown; generateMetadata?: (props: unknown) => unknown };
      // The page's title may come from its translations alone; if it needs data, it must refuse first.
      if (mod.generateMetadata) expect(await refusal(() => mod.generateMetadata?.({ params, searchParams }))).toMatch(/^(rendered|NEXT_FORBIDDEN)$/);
      expect(state.reads).toEqual([]);
      expect(await refusal(() => mod.default({ params, searchParams, children: null }))).toBe("NEXT_FORBIDDEN");
      expect(state.reads).toEqual([]);
    });

    it(`${name}: anonymous visitors are sent to sign in, nothing read`, async () => {
      state.user = null;
      const mod = (await import(file)) as { default: (props: unknown) => unknown };
      expect(await refusal(() => mod.default({ params, searchParams, children: null }))).toMatch(/^NEXT_REDIRECT:\/signin/);
      expect(state.reads).toEqual([]);
    });
  }

  for (const file of routes) {
    const name = path.relative(process.cwd(), file);
    it(`${name}: every method answers 403 to a participant, nothing read`, async () => {
      state.user = participant;
      const mod = (await import(file)) as Record<string, (request: Request, context: unknown) => Promise<Response>>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        const handler = mod[method];
        if (!handler) continue;
        const response = await handler(new Request("http://agora.test/secretariat/x", { method }), { params });
        expect(response.status, method).toBe(403);
      }
      expect(state.reads).toEqual([]);
    });
  }
});
