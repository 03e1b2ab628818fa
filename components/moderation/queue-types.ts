// Types shared by the queue's client component and its server action (no server-only imports here).
export interface BulkSummaryView {
  done: number;
  held: number;
  /** every item changed, labelled as the queue shows it, with the statuses before and after (already translated) */
  changed: { type: string; id: string; label: string; from: string; to: string }[];
  conflicts: { type: string; id: string; error: string; by: string | null }[];
  campaignsChanged: { id: string; label: string; expected: number; now: number }[];
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
  /** how many inputs selecting this row acts on: 1, or a campaign's members (at most the bulk limit) */
  weight: number;
  note: string | null;
  overBalance: boolean;
  /** other accounts in this view that share the author's verified e-mail domain or organisation, with a link to them */
  accounts: { text: string; href: string }[];
  /** a contribution's history for the secretariat (who sent, edited and moderated it, with the changes) */
  historyHref: string | null;
}

export interface TemplateOption {
  id: string;
  kind: "REJECT" | "REQUEST_CHANGES" | "HIDE";
  label: string;
  text: string;
}
