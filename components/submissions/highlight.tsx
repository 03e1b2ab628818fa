// A search excerpt: the text between \u0001 and \u0002 markers is a match. React escapes everything else.
export function Highlight({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/u);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("\u0001") ? <mark key={i} className="bg-amber-200 text-stone-900">{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
