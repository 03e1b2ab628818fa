// What the comment server actions hand back to their forms.
export type CommentFormState =
  | { status: "idle" }
  | { status: "saved"; outcome: "published" | "pending" | "edited" | "editedPending" | "withdrawn"; at: number }
  | {
      status: "error";
      error: string;
      fieldErrors: Record<string, string[] | undefined>;
      /** message parameters ({cap}, {status}...) */
      params?: Record<string, string | number>;
      values: { body: string; proposedText: string };
    };

export type CommentAction = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;
