-- Trigram similarity for near-duplicate (mass campaign) detection, from PostgreSQL contrib (embedded-postgres ships it)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Comment_body_trgm_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Submission_body_trgm_idx" ON "Submission" USING GIN ("body" gin_trgm_ops);
