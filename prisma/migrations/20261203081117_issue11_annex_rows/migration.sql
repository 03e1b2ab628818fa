-- CreateTable
CREATE TABLE "SynthesisAnnexEntry" (
    "consultationId" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "submissionId" TEXT NOT NULL,
    "position" INTEGER,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "groupRank" INTEGER NOT NULL,
    "contributor" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "pointKeys" TEXT[],

    CONSTRAINT "SynthesisAnnexEntry_pkey" PRIMARY KEY ("consultationId","generation","submissionId")
);

-- CreateIndex
CREATE INDEX "SynthesisAnnexEntry_consultationId_generation_position_idx" ON "SynthesisAnnexEntry"("consultationId", "generation", "position");

-- CreateIndex
CREATE INDEX "SynthesisAnnexEntry_consultationId_generation_reference_idx" ON "SynthesisAnnexEntry"("consultationId", "generation", "reference");

-- CreateIndex
CREATE INDEX "SynthesisAnnexEntry_submissionId_idx" ON "SynthesisAnnexEntry"("submissionId");

-- AddForeignKey
ALTER TABLE "SynthesisAnnexEntry" ADD CONSTRAINT "SynthesisAnnexEntry_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisAnnexEntry" ADD CONSTRAINT "SynthesisAnnexEntry_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Documents stored before this migration carry Annex I inside their JSON and have no rows here: they are dropped,
-- and the synthesis page offers to rebuild (the secretariat's edits are kept and replayed on the rebuild).
UPDATE "SynthesisBuild" SET "generated" = NULL, "fingerprint" = NULL WHERE "generated" IS NOT NULL;
