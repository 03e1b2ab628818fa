// Public addresses the synthesis links to. One place, so the paper and the secretariat's page agree with the routes.

export function contributionPath(consultationSlug: string, reference: string): string {
  return `/consultations/${encodeURIComponent(consultationSlug)}/contributions/${encodeURIComponent(reference)}`;
}

/** A turn of a session transcript (the session page anchors each turn as #t<number>). */
export function sessionTurnPath(consultationSlug: string, sessionSlug: string, number: number): string {
  return `/consultations/${encodeURIComponent(consultationSlug)}/sessions/${encodeURIComponent(sessionSlug)}#t${number}`;
}

/** A remote message: ?message= opens the page of the stream that holds it; #m- scrolls to it. */
export function remoteMessagePath(consultationSlug: string, messageId: string): string {
  return `/consultations/${encodeURIComponent(consultationSlug)}/remote?message=${encodeURIComponent(messageId)}#m-${encodeURIComponent(messageId)}`;
}

export function draftParagraphPath(consultationSlug: string, draftSlug: string, anchorId: string | null): string {
  const base = `/consultations/${encodeURIComponent(consultationSlug)}/drafts/${encodeURIComponent(draftSlug)}`;
  // ?p= opens the paragraph's discussion on the draft page; #p- scrolls to it.
  return anchorId ? `${base}?p=${encodeURIComponent(anchorId)}#p-${encodeURIComponent(anchorId)}` : base;
}

/**
 * A link that opens the input and highlights the quoted sentence (URL text fragment), for the click-through
 * from a paragraph of the synthesis to the sentences behind it.
 */
export function withTextFragment(path: string, sentence: string): string {
  const [base = path, hash] = path.split("#");
  const words = sentence.split(/\s+/).filter(Boolean);
  // Long sentences: first and last words (textStart,textEnd) keep the URL short and still select the whole sentence.
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");
  const directive = words.length > 12
    ? `${encode(words.slice(0, 5).join(" "))},${encode(words.slice(-5).join(" "))}`
    : encode(words.join(" "));
  return `${base}#${hash ?? ""}:~:text=${directive}`;
}
