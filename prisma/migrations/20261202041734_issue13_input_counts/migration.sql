-- CreateTable
CREATE TABLE "InputCount" (
    "id" BIGSERIAL NOT NULL,
    "consultationId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "region" "UnRegion" NOT NULL,
    "developing" BOOLEAN NOT NULL,
    "gender" "Gender",
    "language" TEXT NOT NULL,
    "overBalance" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "InputCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InputCount_consultationId_idx" ON "InputCount"("consultationId");

-- Statement triggers with transition tables: one INSERT of signed deltas per statement and key, whatever the number
-- of rows it touched (a bulk import or a 1M-row seed appends a handful of rows). Deltas are only ever appended, so
-- writers never lock a shared counter row. The function bodies write semicolons as \073 (the migration runner splits
-- scripts on every semicolon).
CREATE FUNCTION input_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "InputCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
  SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", count(*)::int
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8\073
  RETURN NULL\073
END
';

CREATE FUNCTION input_count_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "InputCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
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

-- A consultation deleted with its contributions leaves no counts behind.
CREATE FUNCTION input_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "InputCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
  SELECT o."consultationId", o."status", o."stakeholderGroup", o."region", o."developing", o."gender", o."language", o."overBalance", -count(*)::int
  FROM old_rows o WHERE EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = o."consultationId")
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8\073
  DELETE FROM "InputCount" i WHERE NOT EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = i."consultationId")
    AND i."consultationId" IN (SELECT DISTINCT "consultationId" FROM old_rows)\073
  RETURN NULL\073
END
';

CREATE TRIGGER input_count_insert AFTER INSERT ON "Submission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION input_count_after_insert();
CREATE TRIGGER input_count_update AFTER UPDATE ON "Submission" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION input_count_after_update();
CREATE TRIGGER input_count_delete AFTER DELETE ON "Submission" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION input_count_after_delete();

-- The contributions already stored, counted once.
INSERT INTO "InputCount" ("consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", "n")
SELECT "consultationId", "status", "stakeholderGroup", "region", "developing", "gender", "language", "overBalance", count(*)::int
FROM "Submission" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
