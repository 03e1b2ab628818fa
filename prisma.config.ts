// Prisma CLI configuration. The app itself connects through lib/db with @prisma/adapter-pg.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://agora:agora@127.0.0.1:54320/agora" },
});
