// One remote message as the public sees it: handle, time, text (or the secretariat's notice), hashtags, link.
import type { PublicRemoteMessage } from "@/lib/meetings/remote";

export function RemoteMessageItem({ message, postedAt, hiddenLabel }: { message: PublicRemoteMessage; postedAt: string; hiddenLabel: string }) {
  return (
    <li id={`m-${message.id}`} className="rounded border border-stone-200 bg-white p-3 text-sm">
      <p className="text-stone-800"><span className="font-semibold" dir="auto">{message.handle}</span> · <time dateTime={message.postedAt.toISOString()}>{postedAt}</time>{message.session ? <> · <span dir="auto">{message.session.title}</span></> : null}</p>
      {message.hidden ? (
        <p className="mt-1 italic text-stone-700">{hiddenLabel}{message.hiddenReason ? `: ${message.hiddenReason}` : ""}</p>
      ) : (
        <p className="mt-1" dir="auto" lang={message.language !== "und" ? message.language : undefined}>{message.body}</p>
      )}
      {!message.hidden && (message.hashtags.length || message.url) ? (
        <p className="mt-1 text-stone-700">
          {message.hashtags.map((h) => `#${h}`).join(" ")}
          {message.url ? <> {" "}<a href={message.url} className="text-brand-800 underline" rel="nofollow noopener noreferrer">{new URL(message.url).hostname}</a></> : null}
        </p>
      ) : null}
    </li>
  );
}
