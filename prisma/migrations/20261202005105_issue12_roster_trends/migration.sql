-- DropIndex
DROP INDEX "SpeakerAlias_key_key";

-- AlterTable
ALTER TABLE "MeetingSession" ADD COLUMN     "transcriptSource" TEXT;

-- AlterTable
ALTER TABLE "SpeakerAlias" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SpeakerMergeDismissal" (
    "id" TEXT NOT NULL,
    "speakerAId" TEXT NOT NULL,
    "speakerBId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeakerMergeDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeMapping" (
    "id" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "trendSlug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThemeMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpeakerMergeDismissal_speakerBId_idx" ON "SpeakerMergeDismissal"("speakerBId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerMergeDismissal_speakerAId_speakerBId_key" ON "SpeakerMergeDismissal"("speakerAId", "speakerBId");

-- CreateIndex
CREATE UNIQUE INDEX "ThemeMapping_themeId_key" ON "ThemeMapping"("themeId");

-- CreateIndex
CREATE INDEX "ThemeMapping_trendSlug_idx" ON "ThemeMapping"("trendSlug");

-- CreateIndex
CREATE UNIQUE INDEX "SpeakerAlias_key_scope_key" ON "SpeakerAlias"("key", "scope");

-- AddForeignKey
ALTER TABLE "SpeakerMergeDismissal" ADD CONSTRAINT "SpeakerMergeDismissal_speakerAId_fkey" FOREIGN KEY ("speakerAId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerMergeDismissal" ADD CONSTRAINT "SpeakerMergeDismissal_speakerBId_fkey" FOREIGN KEY ("speakerBId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeMapping" ADD CONSTRAINT "ThemeMapping_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
