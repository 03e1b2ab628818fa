// The secretariat's audit log lists every moderation event, whatever it moderated: a remote message's event has
// neither a submission nor a comment, and the log must still show it (with its round) rather than fail the page.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listAuditLog } from "@/lib/audit/queries";
import { buildConsultation, buildUser } from "../fixtures/users";

describe("audit log", () => {
  it("lists a remote message's moderation event with the message and its round", async () => {
    const secretariat = await buildUser({ role: "SECRETARIAT" });
    const consultation = await buildConsultation();
    const message = await db.remoteMessage.create({
      data: { consultationId: consultation.id, handle: "@remote", body: "Please add a session on connectivity.", postedAt: new Date(), hashtags: [] },
    });
    const event = await db.moderationEvent.create({
      data: { targetType: "REMOTE_MESSAGE", remoteMessageId: message.id, actorId: secretariat.id, action: "PUBLISH", fromStatus: "PENDING", toStatus: "PUBLISHED" },
    });

    const page = await listAuditLog({ id: secretariat.id, role: "SECRETARIAT" }, {});
    const row = page?.rows.find((r) => r.id === event.id);
    expect(row).toMatchObject({ source: "moderation", entityType: "REMOTE_MESSAGE", entityId: message.id, consultationSlug: consultation.slug });

    const filtered = await listAuditLog({ id: secretariat.id, role: "SECRETARIAT" }, { entity: message.id });
    expect(filtered?.rows.map((r) => r.id)).toEqual([event.id]);
  });
});
