// consultations: what the public reads (published consultations, their themes and phases).
import "server-only";
import { db } from "../db/client";
import { ConsultationStatus } from "../db/generated/enums";
import { stageOf, type ConsultationStage } from "./phases";

const listSelect = {
  id: true, slug: true, title: true, summary: true,
  contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true,
  _count: { select: { themes: true } },
} as const;

export async function listPublicConsultations(now = new Date()) {
  const rows = await db.consultation.findMany({
    where: { status: ConsultationStatus.PUBLISHED },
    select: listSelect,
    orderBy: [{ contributionsOpenAt: "desc" }, { createdAt: "desc" }],
    take: 200,
  });
  const byStage: Record<ConsultationStage, typeof rows> = { open: [], upcoming: [], closed: [] };
  for (const row of rows) byStage[stageOf(row, now)].push(row);
  return byStage;
}

export async function getPublicConsultation(slug: string) {
  return db.consultation.findFirst({
    where: { slug, status: ConsultationStatus.PUBLISHED },
    include: { themes: { orderBy: [{ position: "asc" }, { title: "asc" }] } },
  });
}
