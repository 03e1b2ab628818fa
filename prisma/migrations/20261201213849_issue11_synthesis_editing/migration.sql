-- CreateEnum
CREATE TYPE "SynthesisBuildStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "SynthesisNaming" AS ENUM ('NONE', 'INTERGOVERNMENTAL', 'ALL');

-- CreateTable
CREATE TABLE "SynthesisSettings" (
    "consultationId" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "bodyPoints" INTEGER NOT NULL DEFAULT 12,
    "naming" "SynthesisNaming" NOT NULL DEFAULT 'INTERGOVERNMENTAL',
    "severalFrom" INTEGER NOT NULL DEFAULT 5,
    "severalShare" DOUBLE PRECISION NOT NULL DEFAULT 0.15,
    "manyShare" DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    "manyFrom" INTEGER NOT NULL DEFAULT 5,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SynthesisSettings_pkey" PRIMARY KEY ("consultationId")
);

-- CreateTable
CREATE TABLE "SynthesisBuild" (
    "consultationId" TEXT NOT NULL,
    "status" "SynthesisBuildStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "generation" INTEGER NOT NULL DEFAULT 0,
    "fingerprint" TEXT,
    "generated" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SynthesisBuild_pkey" PRIMARY KEY ("consultationId")
);

-- CreateTable
CREATE TABLE "SynthesisCitation" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "pointKey" TEXT NOT NULL,
    "inputKind" TEXT NOT NULL,
    "inputId" TEXT NOT NULL,
    "submissionId" TEXT,
    "statementKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "overBalance" BOOLEAN NOT NULL DEFAULT false,
    "campaignId" TEXT,

    CONSTRAINT "SynthesisCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SynthesisPoint" (
    "consultationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "themeId" TEXT,
    "number" INTEGER,
    "placement" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "setAsideReason" TEXT,
    "mergedInto" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SynthesisPoint_pkey" PRIMARY KEY ("consultationId","key")
);

-- CreateTable
CREATE TABLE "SynthesisEdit" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "pointKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "membersHash" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SynthesisEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SynthesisSetAside" (
    "consultationId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SynthesisSetAside_pkey" PRIMARY KEY ("consultationId","submissionId")
);

-- CreateIndex
CREATE INDEX "SynthesisCitation_consultationId_generation_pointKey_idx" ON "SynthesisCitation"("consultationId", "generation", "pointKey");

-- CreateIndex
CREATE INDEX "SynthesisCitation_consultationId_statementKey_idx" ON "SynthesisCitation"("consultationId", "statementKey");

-- CreateIndex
CREATE INDEX "SynthesisCitation_submissionId_idx" ON "SynthesisCitation"("submissionId");

-- CreateIndex
CREATE INDEX "SynthesisEdit_consultationId_createdAt_idx" ON "SynthesisEdit"("consultationId", "createdAt");

-- CreateIndex
CREATE INDEX "SynthesisEdit_actorId_idx" ON "SynthesisEdit"("actorId");

-- CreateIndex
CREATE INDEX "SynthesisSetAside_submissionId_idx" ON "SynthesisSetAside"("submissionId");

-- CreateIndex
CREATE INDEX "SynthesisSetAside_actorId_idx" ON "SynthesisSetAside"("actorId");

-- AddForeignKey
ALTER TABLE "SynthesisSettings" ADD CONSTRAINT "SynthesisSettings_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisBuild" ADD CONSTRAINT "SynthesisBuild_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisCitation" ADD CONSTRAINT "SynthesisCitation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisCitation" ADD CONSTRAINT "SynthesisCitation_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisPoint" ADD CONSTRAINT "SynthesisPoint_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisEdit" ADD CONSTRAINT "SynthesisEdit_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisEdit" ADD CONSTRAINT "SynthesisEdit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSetAside" ADD CONSTRAINT "SynthesisSetAside_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSetAside" ADD CONSTRAINT "SynthesisSetAside_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisSetAside" ADD CONSTRAINT "SynthesisSetAside_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
