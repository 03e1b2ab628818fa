-- CreateEnum
CREATE TYPE "SessionType" AS ENUM ('MAIN_SESSION', 'WORKSHOP', 'OPEN_FORUM');

-- CreateEnum
CREATE TYPE "SessionDocumentKind" AS ENUM ('RAPPORTEUR_REPORT', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "InputSource" ADD VALUE 'SESSION_TRANSCRIPT';
ALTER TYPE "InputSource" ADD VALUE 'REMOTE_MESSAGE';

-- AlterEnum
ALTER TYPE "ModerationTarget" ADD VALUE 'REMOTE_MESSAGE';

-- AlterEnum
ALTER TYPE "StakeholderGroup" ADD VALUE 'UNCLASSIFIED';

-- AlterEnum
ALTER TYPE "UnRegion" ADD VALUE 'UNKNOWN';

-- AlterTable
ALTER TABLE "ModerationEvent" ADD COLUMN     "remoteMessageId" TEXT;

-- CreateTable
CREATE TABLE "MeetingSession" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "SessionType" NOT NULL DEFAULT 'MAIN_SESSION',
    "date" DATE,
    "chair" TEXT NOT NULL DEFAULT '',
    "moderators" TEXT[],
    "rapporteur" TEXT NOT NULL DEFAULT '',
    "transcriptFilename" TEXT,
    "transcriptSha256" TEXT,
    "transcriptImportedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionDocument" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" "SessionDocumentKind" NOT NULL DEFAULT 'RAPPORTEUR_REPORT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "filename" TEXT,
    "sha256" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationId" TEXT,
    "stakeholderGroup" "StakeholderGroup" NOT NULL DEFAULT 'UNCLASSIFIED',
    "country" TEXT NOT NULL DEFAULT 'ZZ',
    "region" "UnRegion" NOT NULL DEFAULT 'UNKNOWN',
    "developing" BOOLEAN NOT NULL DEFAULT false,
    "mappedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeakerAlias" (
    "id" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionTurn" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "speakerId" TEXT,
    "speakerLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "stakeholderGroup" "StakeholderGroup" NOT NULL DEFAULT 'UNCLASSIFIED',
    "country" TEXT NOT NULL DEFAULT 'ZZ',
    "region" "UnRegion" NOT NULL DEFAULT 'UNKNOWN',
    "developing" BOOLEAN NOT NULL DEFAULT false,
    "procedural" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector,

    CONSTRAINT "SessionTurn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemoteMessage" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "sessionId" TEXT,
    "handle" TEXT NOT NULL,
    "speakerId" TEXT,
    "body" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "hashtags" TEXT[],
    "url" TEXT,
    "language" TEXT NOT NULL DEFAULT 'und',
    "externalId" TEXT,
    "importBatchId" TEXT,
    "stakeholderGroup" "StakeholderGroup" NOT NULL DEFAULT 'UNCLASSIFIED',
    "country" TEXT NOT NULL DEFAULT 'ZZ',
    "region" "UnRegion" NOT NULL DEFAULT 'UNKNOWN',
    "developing" BOOLEAN NOT NULL DEFAULT false,
    "status" "CommentStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "moderationNote" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "searchVector" tsvector,

    CONSTRAINT "RemoteMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingSession_consultationId_date_idx" ON "MeetingSession"("consultationId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSession_consultationId_slug_key" ON "MeetingSession"("consultationId", "slug");

-- CreateIndex
CREATE INDEX "SessionDocument_sessionId_kind_idx" ON "SessionDocument"("sessionId", "kind");

-- CreateIndex
CREATE INDEX "Speaker_organisationId_idx" ON "Speaker"("organisationId");

-- CreateIndex
CREATE INDEX "Speaker_stakeholderGroup_idx" ON "Speaker"("stakeholderGroup");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_key_key" ON "SpeakerAlias"("key");

-- CreateIndex
CREATE INDEX "SpeakerAlias_speakerId_idx" ON "SpeakerAlias"("speakerId");

-- CreateIndex
CREATE INDEX "SessionTurn_consultationId_stakeholderGroup_idx" ON "SessionTurn"("consultationId", "stakeholderGroup");

-- CreateIndex
CREATE INDEX "SessionTurn_consultationId_region_idx" ON "SessionTurn"("consultationId", "region");

-- CreateIndex
CREATE INDEX "SessionTurn_speakerId_idx" ON "SessionTurn"("speakerId");

-- CreateIndex
CREATE INDEX "SessionTurn_searchVector_idx" ON "SessionTurn" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "SessionTurn_sessionId_number_key" ON "SessionTurn"("sessionId", "number");

-- CreateIndex
CREATE INDEX "RemoteMessage_consultationId_status_postedAt_idx" ON "RemoteMessage"("consultationId", "status", "postedAt");

-- CreateIndex
CREATE INDEX "RemoteMessage_consultationId_status_stakeholderGroup_idx" ON "RemoteMessage"("consultationId", "status", "stakeholderGroup");

-- CreateIndex
CREATE INDEX "RemoteMessage_sessionId_idx" ON "RemoteMessage"("sessionId");

-- CreateIndex
CREATE INDEX "RemoteMessage_speakerId_idx" ON "RemoteMessage"("speakerId");

-- CreateIndex
CREATE INDEX "RemoteMessage_importBatchId_idx" ON "RemoteMessage"("importBatchId");

-- CreateIndex
CREATE INDEX "RemoteMessage_searchVector_idx" ON "RemoteMessage" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "RemoteMessage_consultationId_externalId_key" ON "RemoteMessage"("consultationId", "externalId");

-- CreateIndex
CREATE INDEX "ModerationEvent_remoteMessageId_createdAt_idx" ON "ModerationEvent"("remoteMessageId", "createdAt");

-- AddForeignKey
ALTER TABLE "ModerationEvent" ADD CONSTRAINT "ModerationEvent_remoteMessageId_fkey" FOREIGN KEY ("remoteMessageId") REFERENCES "RemoteMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSession" ADD CONSTRAINT "MeetingSession_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionDocument" ADD CONSTRAINT "SessionDocument_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MeetingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerAlias" ADD CONSTRAINT "SpeakerAlias_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionTurn" ADD CONSTRAINT "SessionTurn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MeetingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionTurn" ADD CONSTRAINT "SessionTurn_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionTurn" ADD CONSTRAINT "SessionTurn_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemoteMessage" ADD CONSTRAINT "RemoteMessage_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemoteMessage" ADD CONSTRAINT "RemoteMessage_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "MeetingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemoteMessage" ADD CONSTRAINT "RemoteMessage_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemoteMessage" ADD CONSTRAINT "RemoteMessage_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Full-text search of transcript turns and remote messages, kept up to date by triggers as for submissions
-- (issue3_submission_search): the speaker's label and the handle weigh like a title, the text like a body.
-- The function bodies write their semicolons as \073: the migration runner splits scripts on every semicolon.
CREATE FUNCTION session_turn_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."speakerLabel", '''')), ''A'') ||
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."body", '''')), ''B'')\073
  RETURN NEW\073
END
';

CREATE TRIGGER session_turn_search_vector
  BEFORE INSERT OR UPDATE OF "speakerLabel", "body" ON "SessionTurn"
  FOR EACH ROW EXECUTE FUNCTION session_turn_search_vector_update();

CREATE FUNCTION remote_message_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."handle", '''') || '' '' || array_to_string(NEW."hashtags", '' '')), ''A'') ||
    setweight(to_tsvector(''simple''::regconfig, coalesce(NEW."body", '''')), ''B'')\073
  RETURN NEW\073
END
';

CREATE TRIGGER remote_message_search_vector
  BEFORE INSERT OR UPDATE OF "handle", "hashtags", "body" ON "RemoteMessage"
  FOR EACH ROW EXECUTE FUNCTION remote_message_search_vector_update();
