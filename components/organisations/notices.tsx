"use client";
// The messages of organisation actions, kept at the page level: the form that answered is often gone once the page
// re-renders (a request becomes a membership, an approved request leaves the list), and its message must not go with it.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { FormAlert } from "@/components/ui/field";

type Notify = (text: string) => void;
const NoticeContext = createContext<Notify | null>(null);

/** The page's notice area, when the form is inside OrgNotices. */
export function useOrgNotice(): Notify | null {
  return useContext(NoticeContext);
}

export function OrgNotices({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const notify = useCallback((text: string) => setNotice((previous) => ({ text, n: (previous?.n ?? 0) + 1 })), []);
  // Focus moves to the message, so keyboard and screen-reader users hear it even though their form is gone.
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return (
    <NoticeContext.Provider value={notify}>
      <div ref={ref} tabIndex={-1} className="empty:hidden" data-testid="org-notice">
        {notice ? <FormAlert key={notice.n} tone="success">{notice.text}</FormAlert> : null}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}
