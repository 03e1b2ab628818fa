-- CreateEnum
CREATE TYPE "GroupVerification" AS ENUM ('NONE', 'ORGANISATION', 'DOMAIN', 'SECRETARIAT');

-- CreateEnum
CREATE TYPE "GroupClaimStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "BalancePolicy" ADD COLUMN     "countVerifiedOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "invitation" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "targetAfrican" DOUBLE PRECISION,
ADD COLUMN     "targetAsiaPacific" DOUBLE PRECISION,
ADD COLUMN     "targetDeveloping" DOUBLE PRECISION,
ADD COLUMN     "targetEasternEuropean" DOUBLE PRECISION,
ADD COLUMN     "targetLatinAmerican" DOUBLE PRECISION,
ADD COLUMN     "targetWesternEuropean" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "groupVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "groupVerifiedBy" "GroupVerification" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "groupVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "groupVerifiedBy" "GroupVerification" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "groupChangedAt" TIMESTAMP(3),
ADD COLUMN     "groupVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BalanceInvitationTranslation" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BalanceInvitationTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StakeholderGroupClaim" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "evidence" TEXT NOT NULL,
    "link" TEXT,
    "status" "GroupClaimStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderGroupClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BalanceInvitationTranslation_policyId_language_key" ON "BalanceInvitationTranslation"("policyId", "language");

-- CreateIndex
CREATE INDEX "StakeholderGroupClaim_status_createdAt_idx" ON "StakeholderGroupClaim"("status", "createdAt");

-- CreateIndex
CREATE INDEX "StakeholderGroupClaim_userId_createdAt_idx" ON "StakeholderGroupClaim"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "StakeholderGroupClaim_decidedById_idx" ON "StakeholderGroupClaim"("decidedById");

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_groupVerified_stakeholderG_idx" ON "Submission"("consultationId", "status", "groupVerified", "stakeholderGroup");

-- AddForeignKey
ALTER TABLE "BalanceInvitationTranslation" ADD CONSTRAINT "BalanceInvitationTranslation_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "BalancePolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderGroupClaim" ADD CONSTRAINT "StakeholderGroupClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderGroupClaim" ADD CONSTRAINT "StakeholderGroupClaim_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
