-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "accountDomain" TEXT,
ADD COLUMN     "accountOrganisationId" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "accountDomain" TEXT,
ADD COLUMN     "accountOrganisationId" TEXT;

-- CreateIndex
CREATE INDEX "Comment_accountDomain_status_createdAt_idx" ON "Comment"("accountDomain", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_accountOrganisationId_status_createdAt_idx" ON "Comment"("accountOrganisationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_accountDomain_status_submittedAt_idx" ON "Submission"("accountDomain", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Submission_accountOrganisationId_status_submittedAt_idx" ON "Submission"("accountOrganisationId", "status", "submittedAt");

-- Inputs already sent get the keys their authors have now: the verified address's domain, unless it is a webmail
-- provider's (PUBLIC_MAIL_DOMAINS of lib/organisations/slug.ts when this migration was written), and the organisation
-- they are an approved member of (the one the input was sent on behalf of first, then by name).
UPDATE "Submission" s SET "accountDomain" = lower(split_part(u.email, '@', 2))
FROM "User" u
WHERE s."authorId" = u.id AND s.status <> 'DRAFT' AND u."emailVerifiedAt" IS NOT NULL
  AND lower(split_part(u.email, '@', 2)) NOT IN ('gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com', 'mail.ru', 'yandex.ru', 'yandex.com', 'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'zoho.com', 'tutanota.com', 'fastmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'example.com', 'test.example');

UPDATE "Comment" c SET "accountDomain" = lower(split_part(u.email, '@', 2))
FROM "User" u
WHERE c."authorId" = u.id AND u."emailVerifiedAt" IS NOT NULL
  AND lower(split_part(u.email, '@', 2)) NOT IN ('gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com', 'mail.ru', 'yandex.ru', 'yandex.com', 'qq.com', '163.com', '126.com', 'sina.com', 'naver.com', 'zoho.com', 'tutanota.com', 'fastmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'example.com', 'test.example');

UPDATE "Submission" s SET "accountOrganisationId" = (
  SELECT m."organisationId" FROM "OrganisationMembership" m JOIN "Organisation" o ON o.id = m."organisationId"
  WHERE m."userId" = s."authorId" AND m.status = 'APPROVED' AND o."mergedIntoId" IS NULL AND o.verification <> 'SUSPENDED'
  ORDER BY (m."organisationId" = s."organisationId") DESC NULLS LAST, o.name ASC, o.id ASC LIMIT 1)
WHERE s."authorId" IS NOT NULL AND s.status <> 'DRAFT';

UPDATE "Comment" c SET "accountOrganisationId" = (
  SELECT m."organisationId" FROM "OrganisationMembership" m JOIN "Organisation" o ON o.id = m."organisationId"
  WHERE m."userId" = c."authorId" AND m.status = 'APPROVED' AND o."mergedIntoId" IS NULL AND o.verification <> 'SUSPENDED'
  ORDER BY o.name ASC, o.id ASC LIMIT 1)
WHERE c."authorId" IS NOT NULL;
