-- CreateEnum
CREATE TYPE "DispositionKind" AS ENUM ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'OUT_OF_SCOPE', 'ANSWERED');

-- AlterEnum
ALTER TYPE "ReasonKind" ADD VALUE 'DISPOSITION';

-- CreateTable
CREATE TABLE "CommentDisposition" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "commentRevision" INTEGER NOT NULL,
    "kind" "DispositionKind" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "paragraphId" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentDisposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionParagraphLink" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionParagraphLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentDisposition_commentId_current_idx" ON "CommentDisposition"("commentId", "current");

-- CreateIndex
CREATE INDEX "CommentDisposition_paragraphId_idx" ON "CommentDisposition"("paragraphId");

-- CreateIndex
CREATE INDEX "CommentDisposition_actorId_idx" ON "CommentDisposition"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentDisposition_commentId_revision_key" ON "CommentDisposition"("commentId", "revision");

-- CreateIndex
CREATE INDEX "ContributionParagraphLink_paragraphId_idx" ON "ContributionParagraphLink"("paragraphId");

-- CreateIndex
CREATE INDEX "ContributionParagraphLink_createdById_idx" ON "ContributionParagraphLink"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionParagraphLink_submissionId_paragraphId_key" ON "ContributionParagraphLink"("submissionId", "paragraphId");

-- AddForeignKey
ALTER TABLE "CommentDisposition" ADD CONSTRAINT "CommentDisposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentDisposition" ADD CONSTRAINT "CommentDisposition_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentDisposition" ADD CONSTRAINT "CommentDisposition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionParagraphLink" ADD CONSTRAINT "ContributionParagraphLink_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionParagraphLink" ADD CONSTRAINT "ContributionParagraphLink_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionParagraphLink" ADD CONSTRAINT "ContributionParagraphLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
