// Phase arithmetic for consultations: pure, so the timeline and the server rules agree.
export type PhaseKey = "contributions" | "comments";
export type PhaseState = "upcoming" | "open" | "closed" | "unscheduled";

export interface PhaseDates {
  contributionsOpenAt: Date | null;
  contributionsCloseAt: Date | null;
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
}

export interface Phase {
  key: PhaseKey;
  openAt: Date | null;
  closeAt: Date | null;
  state: PhaseState;
}

/** Open means openAt <= now < closeAt: the closing instant itself is already closed. */
export function phaseState(openAt: Date | null, closeAt: Date | null, now: Date): PhaseState {
  if (!openAt || !closeAt) return "unscheduled";
  if (now < openAt) return "upcoming";
  if (now < closeAt) return "open";
  return "closed";
}

export function phasesOf(c: PhaseDates, now: Date): Phase[] {
  return [
    { key: "contributions", openAt: c.contributionsOpenAt, closeAt: c.contributionsCloseAt, state: phaseState(c.contributionsOpenAt, c.contributionsCloseAt, now) },
    { key: "comments", openAt: c.commentsOpenAt, closeAt: c.commentsCloseAt, state: phaseState(c.commentsOpenAt, c.commentsCloseAt, now) },
  ];
}

export type ConsultationStage = "open" | "upcoming" | "closed";

/** Where a consultation stands overall: open if any phase is open, upcoming if one is still to come. */
export function stageOf(c: PhaseDates, now: Date): ConsultationStage {
  const states = phasesOf(c, now).map((p) => p.state);
  if (states.includes("open")) return "open";
  if (states.includes("upcoming") || states.every((s) => s === "unscheduled")) return "upcoming";
  return "closed";
}
