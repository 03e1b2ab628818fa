-- CreateEnum
CREATE TYPE "OrganisationVerification" AS ENUM ('UNVERIFIED', 'VERIFIED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'MANAGER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'REMOVED');

-- CreateEnum
CREATE TYPE "MembershipApproval" AS ENUM ('MANAGER', 'SECRETARIAT', 'DOMAIN');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "emailDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "slug" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "verification" "OrganisationVerification" NOT NULL DEFAULT 'UNVERIFIED',
ADD COLUMN     "verificationNote" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "OrganisationMembership" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "status" "MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "note" TEXT NOT NULL DEFAULT '',
    "approvedVia" "MembershipApproval",
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationMembership_pkey" PRIMARY KEY ("id")
);

-- Slugs for the organisations that exist: the name in lower-case ASCII words joined by hyphens ("organisation"
-- when nothing is left, e.g. a name in another script), made unique with a short suffix from the id.
WITH base AS (
  SELECT "id",
         COALESCE(NULLIF(LEFT(TRIM(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), 60), ''), 'organisation') AS "base",
         row_number() OVER (
           PARTITION BY COALESCE(NULLIF(LEFT(TRIM(BOTH '-' FROM regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g')), 60), ''), 'organisation')
           ORDER BY "createdAt", "id"
         ) AS "n"
  FROM "Organisation"
)
UPDATE "Organisation" o
SET "slug" = CASE WHEN base."n" = 1 THEN base."base" ELSE TRIM(BOTH '-' FROM base."base") || '-' || substr(md5(o."id"), 1, 6) END
FROM base
WHERE base."id" = o."id";

ALTER TABLE "Organisation" ALTER COLUMN "slug" SET NOT NULL;

-- A typed affiliation was never checked: each person who named an organisation in their profile now has a pending
-- request to act on its behalf, which its managers or the secretariat approve (or not). Nobody is approved here.
INSERT INTO "OrganisationMembership" ("id", "organisationId", "userId", "role", "status", "note", "listed", "version", "requestedAt", "updatedAt")
SELECT gen_random_uuid()::text, u."organisationId", u."id", 'MEMBER', 'PENDING', '', false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "User" u
WHERE u."organisationId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "OrganisationMembership_userId_status_idx" ON "OrganisationMembership"("userId", "status");

-- CreateIndex
CREATE INDEX "OrganisationMembership_organisationId_status_role_idx" ON "OrganisationMembership"("organisationId", "status", "role");

-- CreateIndex
CREATE INDEX "OrganisationMembership_status_requestedAt_idx" ON "OrganisationMembership"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "OrganisationMembership_decidedById_idx" ON "OrganisationMembership"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationMembership_organisationId_userId_key" ON "OrganisationMembership"("organisationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE INDEX "Organisation_verification_normalizedName_idx" ON "Organisation"("verification", "normalizedName");

-- CreateIndex
CREATE INDEX "Organisation_mergedIntoId_idx" ON "Organisation"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Organisation_verifiedById_idx" ON "Organisation"("verifiedById");

-- CreateIndex
CREATE INDEX "Organisation_createdById_idx" ON "Organisation"("createdById");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMembership" ADD CONSTRAINT "OrganisationMembership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMembership" ADD CONSTRAINT "OrganisationMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationMembership" ADD CONSTRAINT "OrganisationMembership_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
