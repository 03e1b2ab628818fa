// A draft's comment period: its own dates when the secretariat set them, else the consultation's comment phase.
import { phaseState, type PhaseState } from "../consultations/phases";

export interface PeriodDates {
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
}

export function commentPeriodOf(draft: PeriodDates, consultation: PeriodDates): { openAt: Date | null; closeAt: Date | null; inherited: boolean } {
  if (draft.commentsOpenAt && draft.commentsCloseAt) return { openAt: draft.commentsOpenAt, closeAt: draft.commentsCloseAt, inherited: false };
  return { openAt: consultation.commentsOpenAt, closeAt: consultation.commentsCloseAt, inherited: true };
}

export function commentPeriodState(draft: PeriodDates, consultation: PeriodDates, now: Date): PhaseState {
  const { openAt, closeAt } = commentPeriodOf(draft, consultation);
  return phaseState(openAt, closeAt, now);
}
