-- CreateTable
CREATE TABLE "CommentCount" (
    "id" BIGSERIAL NOT NULL,
    "consultationId" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "region" "UnRegion" NOT NULL,
    "developing" BOOLEAN NOT NULL,
    "gender" "Gender",
    "language" TEXT NOT NULL,
    "overBalance" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "CommentCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentCount_consultationId_idx" ON "CommentCount"("consultationId");

-- The comment counters: statement triggers with transition tables appending signed deltas, exactly as InputCount's
-- for contributions (migration issue13_input_counts, docs/decisions/0028 and 0039). Function bodies write semicolons
-- as \073 (the migration runner splits scripts on every semicolon).
CREATE FUNCTION comment_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CommentCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
  SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", count(*)::int
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8\073
  RETURN NULL\073
END
';

CREATE FUNCTION comment_count_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CommentCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
  SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", sum(d)::int
  FROM (
    SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", 1 AS d FROM new_rows
    UNION ALL
    SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", -1 AS d FROM old_rows
  ) changes
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d) <> 0\073
  RETURN NULL\073
END
';

-- A consultation deleted with its comments leaves no counts behind.
CREATE FUNCTION comment_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CommentCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
  SELECT o."consultationId", o."status", o."stakeholderGroup", o."region", o."developing", o."gender", o."language", o."overBalance", -count(*)::int
  FROM old_rows o WHERE EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = o."consultationId")
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8\073
  DELETE FROM "CommentCount" i WHERE NOT EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = i."consultationId")
    AND i."consultationId" IN (SELECT DISTINCT "consultationId" FROM old_rows)\073
  RETURN NULL\073
END
';

CREATE TRIGGER comment_count_insert AFTER INSERT ON "Comment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_count_after_insert();
CREATE TRIGGER comment_count_update AFTER UPDATE ON "Comment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_count_after_update();
CREATE TRIGGER comment_count_delete AFTER DELETE ON "Comment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_count_after_delete();

-- The comments already stored, counted once.
INSERT INTO "CommentCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", count(*)::int
FROM "Comment" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
