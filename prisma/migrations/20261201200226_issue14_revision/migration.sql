-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- Hand-written: text versions were numbered with the lock counter, so they skipped numbers after every moderation
-- action. Renumber each contribution's versions 1, 2, 3... in their order (negated first: the unique index on
-- (submissionId, version) is checked row by row), then record the current text's number in "revision".
UPDATE "SubmissionVersion" v SET "version" = -r.rn
FROM (SELECT "id", row_number() OVER (PARTITION BY "submissionId" ORDER BY "version", "createdAt") AS rn FROM "SubmissionVersion") r
WHERE v."id" = r."id";
UPDATE "SubmissionVersion" SET "version" = -"version";
UPDATE "Submission" s SET "revision" = m.n
FROM (SELECT "submissionId", max("version") AS n FROM "SubmissionVersion" GROUP BY "submissionId") m
WHERE s."id" = m."submissionId";
UPDATE "Comment" c SET "revision" = 1 + e.n
FROM (SELECT "commentId", count(*) AS n FROM "ModerationEvent" WHERE "action" = 'EDIT' AND "commentId" IS NOT NULL GROUP BY "commentId") e
WHERE c."id" = e."commentId";
