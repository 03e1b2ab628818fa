-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "developing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "gender" "Gender",
ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'und';
