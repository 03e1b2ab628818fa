-- CreateIndex
CREATE INDEX "Submission_consultationId_status_country_idx" ON "Submission"("consultationId", "status", "country");
