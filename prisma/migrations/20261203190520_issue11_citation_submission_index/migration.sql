-- CreateIndex
CREATE INDEX "SynthesisCitation_consultationId_generation_submissionId_idx" ON "SynthesisCitation"("consultationId", "generation", "submissionId");
