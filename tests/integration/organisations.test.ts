// Organisations and memberships (issue 10 part A): who may act on behalf of an organisation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, defaultMigrationsDir } from "../../scripts/lib/migrate.ts";
import { randomDatabaseName } from "../../scripts/lib/postgres.ts";
import { adminExec, withDatabase } from "../../scripts/lib/pg-admin.ts";
import { db } from "@/lib/db/client";
import { approvedMembership, approvedMembershipsOf, findOrCreateOrganisation } from "@/lib/organisations/service";
import { buildUser } from "../fixtures/users";

async function org(name: string, extra: { verification?: "UNVERIFIED" | "VERIFIED" | "SUSPENDED"; emailDomains?: string[] } = {}) {
  const id = await db.$transaction((tx) => findOrCreateOrganisation(tx, name, "TECHNICAL_COMMUNITY", "CH"));
  return db.organisation.update({ where: { id }, data: { verification: extra.verification ?? "UNVERIFIED", emailDomains: extra.emailDomains ?? [] } });
}

describe("approvedMembership", () => {
  it("is null until the request is approved, then gives the organisation and its verification state", async () => {
    const isoc = await org(`Internet Society ${Date.now()}`, { verification: "VERIFIED" });
    const user = await buildUser({ organisation: null });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    const membership = await db.organisationMembership.create({ data: { organisationId: isoc.id, userId: user.id } });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    await db.organisationMembership.update({ where: { id: membership.id }, data: { status: "APPROVED", approvedVia: "SECRETARIAT", decidedAt: new Date() } });
    const approved = await approvedMembership(db, user.id, isoc.id);
    expect(approved).toMatchObject({ membershipId: membership.id, role: "MEMBER", approvedVia: "SECRETARIAT", organisation: { id: isoc.id, verification: "VERIFIED" } });
    expect((await approvedMembershipsOf(db, user.id)).map((m) => m.organisation.id)).toEqual([isoc.id]);

    await db.organisation.update({ where: { id: isoc.id }, data: { verification: "SUSPENDED" } });
    expect(await approvedMembership(db, user.id, isoc.id)).toBeNull();
    expect(await approvedMembershipsOf(db, user.id)).toEqual([]);
  });

  it("ends a domain approval when the address leaves the domain", async () => {
    const itu = await org(`ITU ${Date.now()}`, { verification: "VERIFIED", emailDomains: ["itu.int"] });
    const user = await buildUser({ organisation: null, email: `ana-${Date.now()}@itu.int` });
    await db.organisationMembership.create({ data: { organisationId: itu.id, userId: user.id, status: "APPROVED", approvedVia: "DOMAIN" } });
    expect(await approvedMembership(db, user.id, itu.id)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { email: `ana-${Date.now()}@elsewhere.example` } });
    expect(await approvedMembership(db, user.id, itu.id)).toBeNull();
  });

  it("gives each spelling one organisation with a slug of its own, unverified", async () => {
    const stamp = Date.now();
    const a = await org(`Open Net ${stamp}`);
    const b = await org(`open   NET ${stamp}`);
    const c = await org(`Open-Net ${stamp}`);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(a.slug).toBe(`open-net-${stamp}`);
    expect(c.slug).toMatch(new RegExp(`^open-net-${stamp}-[0-9a-f]{6}$`));
    expect(a.verification).toBe("UNVERIFIED");
  });
});

describe("the organisations migration", () => {
  it("gives existing organisations unique slugs and turns typed affiliations into pending requests, approving nobody", async () => {
    const adminUrl = inject("testDbAdminUrl");
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "agora-migrations-"));
    const names = fs.readdirSync(defaultMigrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const mine = names.findIndex((n) => n.endsWith("_issue10_organisations"));
    expect(mine).toBeGreaterThan(0);
    for (const name of names.slice(0, mine)) fs.cpSync(path.join(defaultMigrationsDir, name), path.join(before, name), { recursive: true });
    fs.copyFileSync(path.join(defaultMigrationsDir, "migration_lock.toml"), path.join(before, "migration_lock.toml"));

    const database = randomDatabaseName("agora_orgs");
    await adminExec(adminUrl, `CREATE DATABASE "${database}"`);
    const url = withDatabase(adminUrl, database);
    try {
      await applyMigrations(url, { migrationsDir: before });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`INSERT INTO "Organisation" (id, name, "normalizedName", "stakeholderGroup") VALUES
          ('o1', 'Internet Society', 'internet society', 'TECHNICAL_COMMUNITY'),
          ('o2', 'Internet Society!', 'internet society!', 'TECHNICAL_COMMUNITY'),
          ('o3', '互联网协会', '互联网协会', 'CIVIL_SOCIETY')`);
        await client.query(`INSERT INTO "User" (id, email, "passwordHash", name, "stakeholderGroup", country, "organisationId", "updatedAt") VALUES
          ('u1', 'a@example.org', 'x', 'A', 'CIVIL_SOCIETY', 'BR', 'o1', now()),
          ('u2', 'b@example.org', 'x', 'B', 'CIVIL_SOCIETY', 'BR', NULL, now())`);
        await applyMigrations(url);
        const orgs = await client.query<{ id: string; slug: string; verification: string }>(`SELECT id, slug, verification FROM "Organisation" ORDER BY id`);
        expect(orgs.rows[0]).toMatchObject({ id: "o1", slug: "internet-society", verification: "UNVERIFIED" });
        expect(orgs.rows[1]?.slug).toMatch(/^internet-society-[0-9a-f]{6}$/);
        expect(orgs.rows[2]?.slug).toBe("organisation");
        const memberships = await client.query(`SELECT "userId", "organisationId", status, role, "approvedVia" FROM "OrganisationMembership"`);
        expect(memberships.rows).toEqual([{ userId: "u1", organisationId: "o1", status: "PENDING", role: "MEMBER", approvedVia: null }]);
      } finally {
        await client.end();
      }
    } finally {
      await adminExec(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
