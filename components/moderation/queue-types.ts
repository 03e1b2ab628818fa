// Types shared by the queue's client component and its server action (no server-only imports here).
export interface BulkSummaryView {
  done: number;
  held: number;
  conflicts: { type: string; id: string; error: string; by: string | null }[];
  failed: number;
}

export type QueueActionState =
  | { status: "idle" }
  | { status: "done"; verb: string; summary: BulkSummaryView; at: number }
  | { status: "error"; error: string; fieldErrors: Record<string, string[] | undefined>; verb: string; reason: string; at: number };

export interface QueueRow {
  selection: string;
  type: "SUBMISSION" | "COMMENT";
  reference: string | null;
  title: string;
  excerpt: string;
  bodyHtml: string;
  author: string;
  group: string;
  country: string;
  language: string;
  arrived: string;
  consultation: string;
  context: string | null;
  campaignCount: number | null;
  note: string | null;
  overBalance: boolean;
}

export interface TemplateOption {
  id: string;
  kind: "REJECT" | "REQUEST_CHANGES" | "HIDE";
  label: string;
  text: string;
}
