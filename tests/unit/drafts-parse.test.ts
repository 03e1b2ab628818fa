import { describe, expect, it } from "vitest";
import { unescapeMarkdown } from "@/lib/drafts/docx";
import { parseDraftMarkdown } from "@/lib/drafts/parse";
import { orderComments } from "@/lib/comments/order";
import { commentPeriodOf, commentPeriodState } from "@/lib/drafts/period";

describe("unescapeMarkdown (mammoth output)", () => {
  it("drops escapes that change nothing and keeps those that protect syntax", () => {
    expect(unescapeMarkdown("The programme\\. See \\(annex\\)\\!")).toBe("The programme. See (annex)!");
    expect(unescapeMarkdown("1\\. not a list\n\\- not a bullet\n\\# not a heading")).toBe("1\\. not a list\n\\- not a bullet\n\\# not a heading");
    expect(unescapeMarkdown("keep \\*stars\\* and \\_under\\_")).toBe("keep \\*stars\\* and \\_under\\_");
    expect(parseDraftMarkdown(unescapeMarkdown("1\\. not a list"))[0]).toMatchObject({ kind: "PARAGRAPH", text: "1\\. not a list" });
  });
});

describe("orderComments", () => {
  const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 0, minutes));
  const comments = [
    { id: "g1", stakeholderGroup: "GOVERNMENT", createdAt: at(1) },
    { id: "g2", stakeholderGroup: "GOVERNMENT", createdAt: at(2) },
    { id: "g3", stakeholderGroup: "GOVERNMENT", createdAt: at(3) },
    { id: "c1", stakeholderGroup: "CIVIL_SOCIETY", createdAt: at(4) },
    { id: "t1", stakeholderGroup: "TECHNICAL_COMMUNITY", createdAt: at(5) },
    { id: "c2", stakeholderGroup: "CIVIL_SOCIETY", createdAt: at(6) },
  ];
  it("deals comments out round-robin by group, groups in the order they first spoke", () => {
    expect(orderComments(comments, "balanced").map((c) => c.id)).toEqual(["g1", "c1", "t1", "g2", "c2", "g3"]);
  });
  it("orders by time on request", () => {
    expect(orderComments(comments, "newest").map((c) => c.id)).toEqual(["c2", "t1", "c1", "g3", "g2", "g1"]);
    expect(orderComments([...comments].reverse(), "oldest").map((c) => c.id)).toEqual(["g1", "g2", "g3", "c1", "t1", "c2"]);
  });
});

describe("comment period", () => {
  const consultation = { commentsOpenAt: new Date("2030-01-01T00:00:00Z"), commentsCloseAt: new Date("2030-02-01T00:00:00Z") };
  it("uses the draft's own dates, else the consultation's comment phase; the closing instant is closed", () => {
    expect(commentPeriodOf({ commentsOpenAt: null, commentsCloseAt: null }, consultation)).toMatchObject({ inherited: true, closeAt: consultation.commentsCloseAt });
    const own = { commentsOpenAt: new Date("2030-03-01T00:00:00Z"), commentsCloseAt: new Date("2030-04-01T00:00:00Z") };
    expect(commentPeriodState(own, consultation, new Date("2030-01-15T00:00:00Z"))).toBe("upcoming");
    expect(commentPeriodState(own, consultation, new Date("2030-03-15T00:00:00Z"))).toBe("open");
    expect(commentPeriodState(own, consultation, own.commentsCloseAt)).toBe("closed");
  });
});
