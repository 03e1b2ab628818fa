// GET /consultations/{slug}/feed.xml: the consultation's Atom feed (new published contributions, new draft versions,
// published synthesis papers), in the language asked for by ?lang= or Accept-Language when its texts are translated.
import { createTranslator } from "next-intl";
import { consultationFeed } from "@/lib/feeds/consultation";
import { atomXml } from "@/lib/feeds/atom";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { catalogues } from "@/lib/i18n/messages";
import { apiError, baseUrlOf, requestedContentLanguage } from "@/lib/submissions/api";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const wanted = requestedContentLanguage(request);
  if (!wanted.ok) return wanted.response;
  const locale = wanted.language ?? DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: catalogues()[locale], namespace: "feed" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const feed = await consultationFeed((await params).slug, locale, baseUrlOf(request), {
    draftVersion: (values) => t("draftVersion", values),
    synthesis: (values) => t("synthesis", values),
    anonymous: t("anonymous"),
    subtitle: t("subtitle"),
  });
  if (!feed) return apiError(404, "not_found", "No published consultation has this slug.");
  return new Response(atomXml(feed), {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "content-language": feed.lang,
      vary: "Accept-Language",
      "cache-control": "public, max-age=300",
    },
  });
}
