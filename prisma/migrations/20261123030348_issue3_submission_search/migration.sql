-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_stakeholderGroup_published_idx" ON "Submission"("consultationId", "status", "stakeholderGroup", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Submission_searchVector_idx" ON "Submission" USING GIN ("searchVector");


-- Full-text search vector, kept up to date by a trigger (a generated column would make Prisma report drift).
-- The `simple` configuration lower-cases words without language-specific stemming, so it works for any language.
-- The function body writes its semicolons as \073: the migration runner splits scripts on every semicolon.
CREATE FUNCTION submission_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."title", '''')), ''A'') ||
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."body", '''')), ''B'')\073
  RETURN NEW\073
END
';

CREATE TRIGGER submission_search_vector
  BEFORE INSERT OR UPDATE OF "title", "body" ON "Submission"
  FOR EACH ROW EXECUTE FUNCTION submission_search_vector_update();

UPDATE "Submission" SET "searchVector" =
  setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce("body", '')), 'B');

-- Receipt reference numbers (e.g. IGF-000042): one sequence, so references stay unique even when two
-- consultations share a prefix, and no writer waits for another to number its contribution.
CREATE SEQUENCE submission_reference_seq;
