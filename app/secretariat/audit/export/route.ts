// CSV export of the audit log (same filters as the page), streamed page by page. Secretariat and admins only.
import { stringify } from "csv-stringify";
import { CSV_OPTIONS } from "@/lib/csv/options";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { AUDIT_CSV_COLUMNS, AuditFilterSchema, auditCsvRecord, auditRowsForExport } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user, "SECRETARIAT")) {
    return Response.json({ error: "forbidden", message: "Only the secretariat can export the audit log." }, { status: user ? 403 : 401 });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = AuditFilterSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: "invalidFilter", message: "A filter value is not valid." }, { status: 400 });
  const { cursor: _ignored, ...filter } = parsed.data;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const csv = stringify({ ...CSV_OPTIONS, header: true, columns: [...AUDIT_CSV_COLUMNS], bom: true });
      csv.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)));
      const done = new Promise<void>((resolve, reject) => {
        csv.on("end", resolve);
        csv.on("error", reject);
      });
      try {
        for await (const row of auditRowsForExport(filter)) {
          // Respect back-pressure from the csv stream.
          if (!csv.write(auditCsvRecord(row))) await new Promise((r) => csv.once("drain", r));
        }
        csv.end();
        await done;
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="agora-audit-log.csv"`, "Cache-Control": "no-store" },
  });
}
