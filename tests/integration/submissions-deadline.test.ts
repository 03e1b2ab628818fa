// The deadline under load: submissions fired across the closing instant are stored exactly when the database
// clock, read in the same transaction as the write, says they arrived before it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitContribution, type Receipt } from "@/lib/submissions/service";
import type { Result } from "@/lib/result";
import { buildConsultation, buildUser } from "../fixtures/users";
import { contributionInput, withTemporaryStorage } from "../fixtures/submissions";

withTemporaryStorage();

async function dbNow(): Promise<Date> {
  const rows = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  const now = rows[0]?.now;
  if (!now) throw new Error("no clock");
  return now;
}

async function waitUntilDbPast(instant: Date): Promise<void> {
  while ((await dbNow()) < instant) await new Promise((r) => setTimeout(r, 20));
}

describe("the closing instant", () => {
  it("stores exactly the submissions decided before it, concurrently", async () => {
    const N = 24;
    const users = await Promise.all(Array.from({ length: N }, () => buildUser()));
    const consultation = await buildConsultation({ contributionsOpenAt: new Date(Date.now() - 3600_000), contributionsCloseAt: new Date(Date.now() + 3600_000) });
    // Close 2 s from now by the database clock; requests are spread over 4 s around it.
    const closeAt = new Date((await dbNow()).getTime() + 2000);
    await db.consultation.update({ where: { id: consultation.id }, data: { contributionsCloseAt: closeAt } });

    const early = users.slice(0, 4).map((u) => submitContribution(u, consultation.id, contributionInput()));
    const spread = users.slice(4, N - 4).map(
      (u, i) => new Promise<Result<Receipt>>((resolve, reject) => setTimeout(() => submitContribution(u, consultation.id, contributionInput()).then(resolve, reject), i * 200)),
    );
    // These start only once the database clock has passed the deadline: some refusals are certain.
    const late = waitUntilDbPast(closeAt).then(() => Promise.all(users.slice(N - 4).map((u) => submitContribution(u, consultation.id, contributionInput()))));
    const outcomes = [...(await Promise.all(early)), ...(await Promise.all(spread)), ...(await late)];

    const accepted: Receipt[] = [];
    const refusedAt: Date[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) accepted.push(outcome.data);
      else {
        expect(outcome.error).toBe("phaseClosed");
        refusedAt.push(new Date(String(outcome.params?.decidedAt)));
      }
    }
    for (const receipt of accepted) expect(receipt.decidedAt.getTime()).toBeLessThan(closeAt.getTime());
    for (const at of refusedAt) expect(at.getTime()).toBeGreaterThanOrEqual(closeAt.getTime());
    const stored = await db.submission.findMany({ where: { consultationId: consultation.id }, select: { id: true, submittedAt: true } });
    expect(stored.map((s) => s.id).sort()).toEqual(accepted.map((r) => r.id).sort());
    for (const row of stored) expect(row.submittedAt?.getTime()).toBeLessThan(closeAt.getTime());
    expect(accepted.length).toBeGreaterThanOrEqual(4);
    expect(refusedAt.length).toBeGreaterThanOrEqual(4);
    expect(accepted.length + refusedAt.length).toBe(N);
  });
});
