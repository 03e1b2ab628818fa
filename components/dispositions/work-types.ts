// Types shared by the working view's client component and its server action (no server-only imports here).
import type { ReactNode } from "react";
import type { DispositionKindName } from "@/lib/dispositions/kinds";

export interface BulkDispositionSummaryView {
  done: number;
  unchanged: number;
  conflicts: { commentId: string; error: string; by: string | null }[];
  failed: number;
}

export type DispositionActionState =
  | { status: "idle" }
  | { status: "done"; summary: BulkDispositionSummaryView; at: number }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; at: number };

export interface WorkRowView {
  /** "COMMENT:<id>:<comment text revision>:<disposition revision>" or "CAMPAIGN:<id>" */
  selection: string;
  /** the checkbox's label: who wrote it, and the campaign size when it stands for several */
  label: string;
  /** the comment, its proposal and its current answer, rendered on the server */
  content: ReactNode;
  /** members answered at once (1 for a single comment) */
  count: number;
  suggestedParagraphId: string | null;
  current: { kind: DispositionKindName; reason: string; paragraphId: string | null } | null;
}

export interface WorkGroupView {
  key: string;
  /** the paragraph as it was and as it is in the next version, rendered on the server */
  header: ReactNode;
  rows: WorkRowView[];
}

export interface OptionView {
  id: string;
  label: string;
}

export interface TemplateView extends OptionView {
  text: string;
}
