// Pure parts of notifications: the digest's cutoff, message values, and every kind having its strings.
import { describe, expect, it } from "vitest";
import { digestCutoff, DIGEST_HOUR_UTC } from "@/lib/notifications/digest";
import { KIND_GROUPS, NOTIFICATION_KINDS, messageValuesOf } from "@/lib/notifications/kinds";
import { catalogues } from "@/lib/i18n/messages";

describe("notifications", () => {
  it("the digest due at any instant gathers what arrived before the latest 07:00 UTC", () => {
    expect(DIGEST_HOUR_UTC).toBe(7);
    expect(digestCutoff(new Date("2026-03-10T07:05:00Z")).toISOString()).toBe("2026-03-10T07:00:00.000Z");
    expect(digestCutoff(new Date("2026-03-10T06:59:59Z")).toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(digestCutoff(new Date("2026-03-01T03:00:00Z")).toISOString()).toBe("2026-02-28T07:00:00.000Z");
    expect(digestCutoff(new Date("2026-03-10T07:00:00Z")).toISOString()).toBe("2026-03-10T07:00:00.000Z");
  });

  it("every kind is in exactly one preference group", () => {
    const grouped = KIND_GROUPS.flatMap((g) => g.kinds);
    expect([...grouped].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it("every kind has its in-app sentence, its e-mail subject, action and unsubscribe label, and its switch label in English", () => {
    const en = catalogues().en as Record<string, Record<string, Record<string, string>>>;
    for (const kind of NOTIFICATION_KINDS) {
      expect(en.notifications?.kinds?.[kind], kind).toBeTruthy();
      expect(en.notifications?.subjects?.[kind], kind).toBeTruthy();
      expect(en.notificationSettings?.kinds?.[kind], kind).toBeTruthy();
      expect(en.notificationSettings?.categories?.[kind], kind).toBeTruthy();
      expect(en.notificationEmail?.actions?.[kind], kind).toBeTruthy();
    }
  });

  it("message values name the reference with the title, fall back for an unnamed author and a bad date", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    expect(messageValuesOf({ title: "Access", reference: "IGF-000001" }, created, "Someone")).toMatchObject({ what: "IGF-000001 — Access", by: "Someone", target: "SUBMISSION", date: created });
    expect(messageValuesOf({ title: "C", at: "not a date", by: "Bob" }, created, "Someone")).toMatchObject({ by: "Bob", consultation: "C", date: created });
    expect(messageValuesOf({ title: "C", at: "2026-02-01T10:00:00Z" }, created, "x").date).toEqual(new Date("2026-02-01T10:00:00Z"));
  });
});
