-- CreateEnum
CREATE TYPE "IssueLinkStatus" AS ENUM ('RAISED', 'DISCUSSED', 'TAKEN_UP', 'OUTCOME');

-- CreateEnum
CREATE TYPE "IssueLinkKind" AS ENUM ('POINT', 'SESSION', 'ROUND');

-- CreateTable
CREATE TABLE "FollowedIssue" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "consultationId" TEXT NOT NULL,
    "pointKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowedIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowedIssueLink" (
    "id" TEXT NOT NULL,
    "issueId" TEXT NOT NULL,
    "kind" "IssueLinkKind" NOT NULL,
    "status" "IssueLinkStatus" NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "consultationId" TEXT NOT NULL,
    "sessionId" TEXT,
    "pointKey" TEXT,
    "pointNumber" INTEGER,
    "pointText" TEXT,
    "target" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowedIssueLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowedIssue_slug_key" ON "FollowedIssue"("slug");

-- CreateIndex
CREATE INDEX "FollowedIssue_createdById_idx" ON "FollowedIssue"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "FollowedIssue_consultationId_pointKey_key" ON "FollowedIssue"("consultationId", "pointKey");

-- CreateIndex
CREATE INDEX "FollowedIssueLink_issueId_date_idx" ON "FollowedIssueLink"("issueId", "date");

-- CreateIndex
CREATE INDEX "FollowedIssueLink_consultationId_idx" ON "FollowedIssueLink"("consultationId");

-- CreateIndex
CREATE INDEX "FollowedIssueLink_sessionId_idx" ON "FollowedIssueLink"("sessionId");

-- CreateIndex
CREATE INDEX "FollowedIssueLink_createdById_idx" ON "FollowedIssueLink"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "FollowedIssueLink_issueId_target_key" ON "FollowedIssueLink"("issueId", "target");

-- AddForeignKey
ALTER TABLE "FollowedIssue" ADD CONSTRAINT "FollowedIssue_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedIssue" ADD CONSTRAINT "FollowedIssue_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedIssueLink" ADD CONSTRAINT "FollowedIssueLink_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "FollowedIssue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedIssueLink" ADD CONSTRAINT "FollowedIssueLink_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedIssueLink" ADD CONSTRAINT "FollowedIssueLink_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MeetingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowedIssueLink" ADD CONSTRAINT "FollowedIssueLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
