// Public open data: a consultation's balance aggregates (counts and shares only, never individual inputs).
import { NextResponse } from "next/server";
import { getBalanceReport } from "@/lib/balance/dashboard";
import { db } from "@/lib/db/client";
import { meetingsBalance } from "@/lib/meetings/balance";

export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug) || slug.length > 80) {
    return NextResponse.json({ error: "invalidSlug", message: "The consultation address is not valid." }, { status: 400 });
  }
  const report = await getBalanceReport(slug, { publicOnly: true });
  if (!report) return NextResponse.json({ error: "notFound", message: "No public consultation has this address." }, { status: 404 });
  // Session transcripts and remote messages, counted apart from written inputs (docs/api.md).
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true } });
  const meetings = consultation ? await meetingsBalance(consultation.id) : null;
  return NextResponse.json({ ...report, ...(meetings ? { sessionTranscripts: meetings.transcripts, remoteMessages: meetings.remoteMessages } : {}) }, { headers: { "Cache-Control": "public, max-age=60" } });
}
