-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PARTICIPANT', 'SECRETARIAT', 'ADMIN');

-- CreateEnum
CREATE TYPE "StakeholderGroup" AS ENUM ('GOVERNMENT', 'PRIVATE_SECTOR', 'CIVIL_SOCIETY', 'TECHNICAL_COMMUNITY', 'ACADEMIC_COMMUNITY', 'INTERGOVERNMENTAL_ORGANISATION');

-- CreateEnum
CREATE TYPE "UnRegion" AS ENUM ('AFRICAN', 'ASIA_PACIFIC', 'EASTERN_EUROPEAN', 'LATIN_AMERICAN_AND_CARIBBEAN', 'WESTERN_EUROPEAN_AND_OTHERS', 'NONE');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY', 'SELF_DESCRIBED');

-- CreateEnum
CREATE TYPE "ConsultationStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ModerationMode" AS ENUM ('PRE', 'POST');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'PENDING', 'CHANGES_REQUESTED', 'HELD_FOR_BALANCE', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'HELD_FOR_BALANCE', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC_NAMED', 'PUBLIC_ANONYMOUS');

-- CreateEnum
CREATE TYPE "OnBehalfOf" AS ENUM ('ORGANISATION', 'SELF');

-- CreateEnum
CREATE TYPE "InputSource" AS ENUM ('WEB', 'IMPORT');

-- CreateEnum
CREATE TYPE "ModerationTarget" AS ENUM ('SUBMISSION', 'COMMENT');

-- CreateEnum
CREATE TYPE "ModerationAction" AS ENUM ('SUBMIT', 'EDIT', 'WITHDRAW', 'PUBLISH', 'PUBLISH_OVER_BALANCE', 'HOLD_FOR_BALANCE', 'RELEASE_FROM_HOLD', 'REJECT', 'REQUEST_CHANGES', 'HIDE', 'RESTORE', 'IMPORT');

-- CreateEnum
CREATE TYPE "ReasonKind" AS ENUM ('REJECT', 'REQUEST_CHANGES', 'HIDE');

-- CreateEnum
CREATE TYPE "ParagraphKind" AS ENUM ('HEADING', 'PARAGRAPH', 'LIST_ITEM');

-- CreateEnum
CREATE TYPE "ParagraphChange" AS ENUM ('NEW', 'UNCHANGED', 'EDITED', 'MOVED', 'MOVED_EDITED');

-- CreateEnum
CREATE TYPE "SynthesisFormat" AS ENUM ('MD', 'DOCX', 'HTML');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'PARTICIPANT',
    "organisationId" TEXT,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "country" TEXT NOT NULL,
    "gender" "Gender",
    "locale" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "country" TEXT,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "status" "ConsultationStatus" NOT NULL DEFAULT 'DRAFT',
    "referencePrefix" TEXT NOT NULL DEFAULT 'AG',
    "contributionsOpenAt" TIMESTAMP(3),
    "contributionsCloseAt" TIMESTAMP(3),
    "commentsOpenAt" TIMESTAMP(3),
    "commentsCloseAt" TIMESTAMP(3),
    "moderationMode" "ModerationMode" NOT NULL DEFAULT 'PRE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "authorId" TEXT,
    "organisationId" TEXT,
    "contributorKey" TEXT NOT NULL,
    "contributorName" TEXT NOT NULL,
    "organisationName" TEXT,
    "onBehalfOf" "OnBehalfOf" NOT NULL DEFAULT 'SELF',
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "country" TEXT NOT NULL,
    "region" "UnRegion" NOT NULL,
    "developing" BOOLEAN NOT NULL DEFAULT false,
    "gender" "Gender",
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC_NAMED',
    "source" "InputSource" NOT NULL DEFAULT 'WEB',
    "externalId" TEXT,
    "importBatchId" TEXT,
    "idempotencyKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "overBalance" BOOLEAN NOT NULL DEFAULT false,
    "campaignId" TEXT,
    "moderationNote" TEXT,
    "receivedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionTheme" (
    "submissionId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    CONSTRAINT "SubmissionTheme_pkey" PRIMARY KEY ("submissionId","themeId")
);

-- CreateTable
CREATE TABLE "SubmissionVersion" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "themeSlugs" TEXT[],
    "editedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "importedById" TEXT,
    "filename" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftDocument" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "commentsOpenAt" TIMESTAMP(3),
    "commentsCloseAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "anchorId" TEXT NOT NULL,
    "number" INTEGER,
    "position" INTEGER NOT NULL,
    "kind" "ParagraphKind" NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "text" TEXT NOT NULL,
    "sectionTitle" TEXT,
    "change" "ParagraphChange" NOT NULL DEFAULT 'NEW',
    "previousNumber" INTEGER,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "draftId" TEXT,
    "draftVersionId" TEXT,
    "paragraphId" TEXT,
    "anchorId" TEXT,
    "submissionId" TEXT,
    "parentId" TEXT,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "organisationName" TEXT,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "country" TEXT NOT NULL,
    "region" "UnRegion" NOT NULL,
    "body" TEXT NOT NULL,
    "proposedText" TEXT,
    "status" "CommentStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "overBalance" BOOLEAN NOT NULL DEFAULT false,
    "campaignId" TEXT,
    "moderationNote" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationEvent" (
    "id" TEXT NOT NULL,
    "targetType" "ModerationTarget" NOT NULL,
    "submissionId" TEXT,
    "commentId" TEXT,
    "actorId" TEXT,
    "action" "ModerationAction" NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reason" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "consultationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReasonTemplate" (
    "id" TEXT NOT NULL,
    "kind" "ReasonKind" NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReasonTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BalancePolicy" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "maxPerContributor" INTEGER NOT NULL DEFAULT 3,
    "maxGroupShare" DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    "minSample" INTEGER NOT NULL DEFAULT 10,
    "minGroups" INTEGER NOT NULL DEFAULT 3,
    "commentMaxPerContributor" INTEGER NOT NULL DEFAULT 50,
    "commentMaxGroupShare" DOUBLE PRECISION NOT NULL DEFAULT 0.4,
    "commentMinSample" INTEGER NOT NULL DEFAULT 10,
    "commentRateLimit" INTEGER NOT NULL DEFAULT 20,
    "commentRateWindowMinutes" INTEGER NOT NULL DEFAULT 10,
    "duplicateThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BalancePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SynthesisDraft" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "markdown" TEXT NOT NULL,
    "format" "SynthesisFormat" NOT NULL DEFAULT 'MD',
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SynthesisDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "expansion" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_normalizedName_key" ON "Organisation"("normalizedName");

-- CreateIndex
CREATE INDEX "Organisation_stakeholderGroup_idx" ON "Organisation"("stakeholderGroup");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_slug_key" ON "Consultation"("slug");

-- CreateIndex
CREATE INDEX "Consultation_status_contributionsOpenAt_idx" ON "Consultation"("status", "contributionsOpenAt");

-- CreateIndex
CREATE INDEX "Theme_consultationId_position_idx" ON "Theme"("consultationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_consultationId_slug_key" ON "Theme"("consultationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_reference_key" ON "Submission"("reference");

-- CreateIndex
CREATE INDEX "Submission_authorId_idx" ON "Submission"("authorId");

-- CreateIndex
CREATE INDEX "Submission_organisationId_idx" ON "Submission"("organisationId");

-- CreateIndex
CREATE INDEX "Submission_importBatchId_idx" ON "Submission"("importBatchId");

-- CreateIndex
CREATE INDEX "Submission_campaignId_idx" ON "Submission"("campaignId");

-- CreateIndex
CREATE INDEX "Submission_consultationId_contributorKey_idx" ON "Submission"("consultationId", "contributorKey");

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_publishedAt_id_idx" ON "Submission"("consultationId", "status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_stakeholderGroup_idx" ON "Submission"("consultationId", "status", "stakeholderGroup");

-- CreateIndex
CREATE INDEX "Submission_consultationId_status_region_idx" ON "Submission"("consultationId", "status", "region");

-- CreateIndex
CREATE INDEX "Submission_status_submittedAt_idx" ON "Submission"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_consultationId_externalId_key" ON "Submission"("consultationId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_authorId_idempotencyKey_key" ON "Submission"("authorId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "SubmissionTheme_themeId_idx" ON "SubmissionTheme"("themeId");

-- CreateIndex
CREATE INDEX "SubmissionVersion_editedById_idx" ON "SubmissionVersion"("editedById");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionVersion_submissionId_version_key" ON "SubmissionVersion"("submissionId", "version");

-- CreateIndex
CREATE INDEX "Attachment_submissionId_idx" ON "Attachment"("submissionId");

-- CreateIndex
CREATE INDEX "ImportBatch_consultationId_idx" ON "ImportBatch"("consultationId");

-- CreateIndex
CREATE INDEX "ImportBatch_importedById_idx" ON "ImportBatch"("importedById");

-- CreateIndex
CREATE INDEX "Campaign_consultationId_idx" ON "Campaign"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "DraftDocument_consultationId_slug_key" ON "DraftDocument"("consultationId", "slug");

-- CreateIndex
CREATE INDEX "DraftVersion_createdById_idx" ON "DraftVersion"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "DraftVersion_draftId_number_key" ON "DraftVersion"("draftId", "number");

-- CreateIndex
CREATE INDEX "Paragraph_anchorId_idx" ON "Paragraph"("anchorId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_versionId_anchorId_key" ON "Paragraph"("versionId", "anchorId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_versionId_position_key" ON "Paragraph"("versionId", "position");

-- CreateIndex
CREATE INDEX "Comment_consultationId_status_createdAt_idx" ON "Comment"("consultationId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_draftId_anchorId_status_idx" ON "Comment"("draftId", "anchorId", "status");

-- CreateIndex
CREATE INDEX "Comment_draftVersionId_idx" ON "Comment"("draftVersionId");

-- CreateIndex
CREATE INDEX "Comment_paragraphId_idx" ON "Comment"("paragraphId");

-- CreateIndex
CREATE INDEX "Comment_submissionId_idx" ON "Comment"("submissionId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Comment_authorId_createdAt_idx" ON "Comment"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_campaignId_idx" ON "Comment"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_idempotencyKey_key" ON "Comment"("authorId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ModerationEvent_submissionId_createdAt_idx" ON "ModerationEvent"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationEvent_commentId_createdAt_idx" ON "ModerationEvent"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationEvent_actorId_idx" ON "ModerationEvent"("actorId");

-- CreateIndex
CREATE INDEX "ModerationEvent_createdAt_idx" ON "ModerationEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_consultationId_createdAt_idx" ON "AuditEvent"("consultationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "ReasonTemplate_kind_idx" ON "ReasonTemplate"("kind");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BalancePolicy_consultationId_key" ON "BalancePolicy"("consultationId");

-- CreateIndex
CREATE INDEX "SynthesisDraft_createdById_idx" ON "SynthesisDraft"("createdById");

-- CreateIndex
CREATE INDEX "SynthesisDraft_consultationId_published_idx" ON "SynthesisDraft"("consultationId", "published");

-- CreateIndex
CREATE UNIQUE INDEX "SynthesisDraft_consultationId_number_key" ON "SynthesisDraft"("consultationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_acronym_key" ON "GlossaryTerm"("acronym");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionTheme" ADD CONSTRAINT "SubmissionTheme_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionTheme" ADD CONSTRAINT "SubmissionTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionVersion" ADD CONSTRAINT "SubmissionVersion_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionVersion" ADD CONSTRAINT "SubmissionVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftDocument" ADD CONSTRAINT "DraftDocument_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "DraftDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "DraftDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_draftVersionId_fkey" FOREIGN KEY ("draftVersionId") REFERENCES "DraftVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationEvent" ADD CONSTRAINT "ModerationEvent_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationEvent" ADD CONSTRAINT "ModerationEvent_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationEvent" ADD CONSTRAINT "ModerationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BalancePolicy" ADD CONSTRAINT "BalancePolicy_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisDraft" ADD CONSTRAINT "SynthesisDraft_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SynthesisDraft" ADD CONSTRAINT "SynthesisDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
