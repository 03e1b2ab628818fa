-- CreateEnum
CREATE TYPE "NotificationEmail" AS ENUM ('NONE', 'QUEUED', 'DIGEST', 'DIGESTED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('IMMEDIATE', 'DAILY');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "anonymous" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "email" "NotificationEmail" NOT NULL DEFAULT 'NONE';

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "emailOff" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allEmailOff" BOOLEAN NOT NULL DEFAULT false,
    "delivery" "EmailDelivery" NOT NULL DEFAULT 'IMMEDIATE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ConsultationFollow" (
    "userId" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationFollow_pkey" PRIMARY KEY ("userId","consultationId")
);

-- CreateIndex
CREATE INDEX "ConsultationFollow_consultationId_createdAt_idx" ON "ConsultationFollow"("consultationId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_email_createdAt_idx" ON "Notification"("email", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationFollow" ADD CONSTRAINT "ConsultationFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationFollow" ADD CONSTRAINT "ConsultationFollow_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
