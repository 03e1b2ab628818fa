// Mixed-direction text: a name, title or date of one direction inside a sentence of the other renders in the right
// order only when isolated (<bdi>). `Isolated` puts values into a translated sentence, each in its own <bdi>.
import { Fragment, type ReactNode } from "react";

/** The marker a value's place is given in the translated sentence (a private-use character no text contains). */
export const SLOT = (n: number) => String.fromCharCode(0xe000 + n);

/**
 * Renders `sentence` (translated with SLOT(0), SLOT(1)… in place of the values) with each value isolated.
 * Values may carry their own language, for the `lang` attribute.
 */
export function Isolated({ sentence, values }: { sentence: string; values: readonly (string | { text: ReactNode; lang?: string })[] }) {
  const parts: ReactNode[] = [];
  let rest = sentence;
  let key = 0;
  for (;;) {
    let next = -1;
    let slot = -1;
    values.forEach((_, i) => {
      const at = rest.indexOf(SLOT(i));
      if (at >= 0 && (next < 0 || at < next)) {
        next = at;
        slot = i;
      }
    });
    if (next < 0) break;
    if (next > 0) parts.push(<Fragment key={key++}>{rest.slice(0, next)}</Fragment>);
    const value = values[slot];
    const v = typeof value === "string" ? { text: value } : value;
    parts.push(<bdi key={key++} lang={v?.lang}>{v?.text}</bdi>);
    rest = rest.slice(next + 1);
  }
  if (rest) parts.push(<Fragment key={key++}>{rest}</Fragment>);
  return <>{parts}</>;
}
