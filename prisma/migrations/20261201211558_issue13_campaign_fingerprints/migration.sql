-- DropIndex
DROP INDEX "Comment_body_trgm_idx";

-- DropIndex
DROP INDEX "Comment_campaignId_idx";

-- DropIndex
DROP INDEX "Submission_body_trgm_idx";

-- DropIndex
DROP INDEX "Submission_campaignId_idx";

-- CreateTable
CREATE TABLE "InputFingerprint" (
    "kind" "ModerationTarget" NOT NULL,
    "inputId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "signature" INTEGER[],
    "bands" INTEGER[],
    "examinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InputFingerprint_pkey" PRIMARY KEY ("kind","inputId")
);

-- CreateIndex
CREATE INDEX "InputFingerprint_bands_idx" ON "InputFingerprint" USING GIN ("bands");

-- CreateIndex
CREATE INDEX "InputFingerprint_consultationId_idx" ON "InputFingerprint"("consultationId");

-- CreateIndex
CREATE INDEX "Comment_campaignId_status_createdAt_idx" ON "Comment"("campaignId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_status_createdAt_idx" ON "Comment"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_campaignId_status_submittedAt_idx" ON "Submission"("campaignId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_submittedAt_idx" ON "Submission"("consultationId", "status", "submittedAt");

-- AddForeignKey
ALTER TABLE "InputFingerprint" ADD CONSTRAINT "InputFingerprint_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The queue orders contributions by when they arrived: every sent contribution has submittedAt from now on.
UPDATE "Submission" SET "submittedAt" = COALESCE("receivedAt", "createdAt") WHERE "submittedAt" IS NULL AND "status" <> 'DRAFT';
