-- CreateTable
CREATE TABLE "ThemeCount" (
    "id" BIGSERIAL NOT NULL,
    "consultationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "ThemeCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ThemeCount_themeId_idx" ON "ThemeCount"("themeId");

-- ThemeCount = the contributions per (theme, status), i.e. SubmissionTheme joined with Submission. Statement triggers
-- with transition tables append signed deltas (docs/decisions/0039), as InputCount's do (migration
-- issue13_input_counts): a theme added to or removed from a contribution counts under the contribution's status, a
-- status change moves its themes from one status to the other, and a deleted contribution takes its themes' counts
-- with it (a BEFORE DELETE row trigger, while its themes are still there: the cascade removes them afterwards and the
-- delete trigger on SubmissionTheme then finds no contribution). The contribution is read FOR SHARE so a status change
-- committed meanwhile is waited for and seen. Nothing is appended for a consultation being deleted: its counts go
-- with it. Function bodies write semicolons as \073 (the migration runner splits scripts on every semicolon).
CREATE FUNCTION theme_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
  SELECT x."consultationId", x."themeId", x."status", count(*)::int
  FROM (
    SELECT s."consultationId", n."themeId", s."status" FROM new_rows n JOIN "Submission" s ON s."id" = n."submissionId"
    WHERE EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = s."consultationId") FOR SHARE OF s
  ) x
  GROUP BY 1, 2, 3\073
  RETURN NULL\073
END
';

CREATE FUNCTION theme_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
  SELECT x."consultationId", x."themeId", x."status", -count(*)::int
  FROM (
    SELECT s."consultationId", o."themeId", s."status" FROM old_rows o JOIN "Submission" s ON s."id" = o."submissionId"
    WHERE EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = s."consultationId") FOR SHARE OF s
  ) x
  GROUP BY 1, 2, 3\073
  RETURN NULL\073
END
';

CREATE FUNCTION theme_count_after_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
  SELECT x."consultationId", x."themeId", x."status", sum(x.d)::int
  FROM (
    SELECT s."consultationId", n."themeId", s."status", 1 AS d FROM new_rows n JOIN "Submission" s ON s."id" = n."submissionId"
    UNION ALL
    SELECT s."consultationId", o."themeId", s."status", -1 AS d FROM old_rows o JOIN "Submission" s ON s."id" = o."submissionId"
  ) x
  GROUP BY 1, 2, 3 HAVING sum(x.d) <> 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION theme_count_after_status() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
  SELECT x."consultationId", st."themeId", x."status", sum(x.d)::int
  FROM (
    SELECT n."id", n."consultationId", n."status", 1 AS d FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status" OR n."consultationId" IS DISTINCT FROM o."consultationId"
    UNION ALL
    SELECT o."id", o."consultationId", o."status", -1 AS d FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status" OR n."consultationId" IS DISTINCT FROM o."consultationId"
  ) x JOIN "SubmissionTheme" st ON st."submissionId" = x."id"
  GROUP BY 1, 2, 3 HAVING sum(x.d) <> 0\073
  RETURN NULL\073
END
';

CREATE FUNCTION theme_count_before_submission_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM "Consultation" c WHERE c."id" = OLD."consultationId") THEN
    INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
    SELECT OLD."consultationId", st."themeId", OLD."status", -1 FROM "SubmissionTheme" st WHERE st."submissionId" = OLD."id"\073
  END IF\073
  RETURN OLD\073
END
';

CREATE FUNCTION theme_count_after_consultation_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "ThemeCount" tc WHERE tc."consultationId" IN (SELECT o."id" FROM old_rows o)\073
  RETURN NULL\073
END
';

CREATE TRIGGER theme_count_insert AFTER INSERT ON "SubmissionTheme" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION theme_count_after_insert();
CREATE TRIGGER theme_count_delete AFTER DELETE ON "SubmissionTheme" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION theme_count_after_delete();
CREATE TRIGGER theme_count_update AFTER UPDATE ON "SubmissionTheme" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION theme_count_after_update();
CREATE TRIGGER theme_count_status AFTER UPDATE ON "Submission" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION theme_count_after_status();
CREATE TRIGGER theme_count_submission_delete BEFORE DELETE ON "Submission" FOR EACH ROW EXECUTE FUNCTION theme_count_before_submission_delete();
CREATE TRIGGER theme_count_consultation_delete AFTER DELETE ON "Consultation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION theme_count_after_consultation_delete();

-- The themes already given, counted once.
INSERT INTO "ThemeCount" ("consultationId", "themeId", "status", "n")
SELECT s."consultationId", st."themeId", s."status", count(*)::int
FROM "SubmissionTheme" st JOIN "Submission" s ON s."id" = st."submissionId"
GROUP BY 1, 2, 3;
