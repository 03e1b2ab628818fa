-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "DraftDocument" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "GlossaryTerm" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "ReasonTemplate" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "ConsultationTranslation" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsultationTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeTranslation" (
    "id" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThemeTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftTranslation" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftVersionTranslation" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "texts" TEXT[],
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DraftVersionTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReasonTemplateTranslation" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReasonTemplateTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryTermTranslation" (
    "id" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "expansion" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GlossaryTermTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SitePage" (
    "key" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SitePage_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SitePageTranslation" (
    "id" TEXT NOT NULL,
    "pageKey" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SitePageTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsultationTranslation_consultationId_language_key" ON "ConsultationTranslation"("consultationId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "ThemeTranslation_themeId_language_key" ON "ThemeTranslation"("themeId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "DraftTranslation_draftId_language_key" ON "DraftTranslation"("draftId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "DraftVersionTranslation_versionId_language_key" ON "DraftVersionTranslation"("versionId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "ReasonTemplateTranslation_templateId_language_key" ON "ReasonTemplateTranslation"("templateId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTermTranslation_termId_language_key" ON "GlossaryTermTranslation"("termId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "SitePageTranslation_pageKey_language_key" ON "SitePageTranslation"("pageKey", "language");

-- AddForeignKey
ALTER TABLE "ConsultationTranslation" ADD CONSTRAINT "ConsultationTranslation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTranslation" ADD CONSTRAINT "ThemeTranslation_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftTranslation" ADD CONSTRAINT "DraftTranslation_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "DraftDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersionTranslation" ADD CONSTRAINT "DraftVersionTranslation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonTemplateTranslation" ADD CONSTRAINT "ReasonTemplateTranslation_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ReasonTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryTermTranslation" ADD CONSTRAINT "GlossaryTermTranslation_termId_fkey" FOREIGN KEY ("termId") REFERENCES "GlossaryTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SitePageTranslation" ADD CONSTRAINT "SitePageTranslation_pageKey_fkey" FOREIGN KEY ("pageKey") REFERENCES "SitePage"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: content languages are the six UN languages, and a translation row is never empty.
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
ALTER TABLE "DraftDocument" ADD CONSTRAINT "DraftDocument_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
ALTER TABLE "ReasonTemplate" ADD CONSTRAINT "ReasonTemplate_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
ALTER TABLE "SitePage" ADD CONSTRAINT "SitePage_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
ALTER TABLE "SitePage" ADD CONSTRAINT "SitePage_key_check" CHECK ("key" IN ('accessibility', 'privacy', 'terms', 'help'));
ALTER TABLE "ConsultationTranslation" ADD CONSTRAINT "ConsultationTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "title" <> '' AND "description" <> '');
ALTER TABLE "ThemeTranslation" ADD CONSTRAINT "ThemeTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "title" <> '');
ALTER TABLE "DraftTranslation" ADD CONSTRAINT "DraftTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "title" <> '');
ALTER TABLE "DraftVersionTranslation" ADD CONSTRAINT "DraftVersionTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND cardinality("texts") > 0);
ALTER TABLE "ReasonTemplateTranslation" ADD CONSTRAINT "ReasonTemplateTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "label" <> '' AND "text" <> '');
ALTER TABLE "GlossaryTermTranslation" ADD CONSTRAINT "GlossaryTermTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "expansion" <> '');
ALTER TABLE "SitePageTranslation" ADD CONSTRAINT "SitePageTranslation_language_check" CHECK ("language" IN ('ar', 'zh', 'en', 'fr', 'ru', 'es') AND "title" <> '' AND "body" <> '');
