// Courtesy and procedural sentences are recognised (kept in the transcript, never points); substantive ones,
// even short or opening with "So" or a thank-you, are not.
import { describe, expect, it } from "vitest";
import { classifySentence, isProcedural, isProceduralText, substantiveSentences } from "@/lib/meetings/courtesy";

const PROCEDURAL: [string, string][] = [
  ["Good morning everyone.", "greeting"],
  ["Good afternoon, ladies and gentlemen, and welcome to this main session.", "greeting"],
  ["Excellencies, distinguished delegates, dear colleagues.", "greeting"],
  ["Thank you very much.", "thanks"],
  ["Thank you, Chair.", "thanks"],
  ["Thank you, Ms. Bommelaer, for the kind introduction.", "thanks"],
  ["Thanks so much, Vint.", "thanks"],
  ["And thank you to the Government of Japan for hosting this year's IGF in Kyoto.", "thanks"],
  ["I would like to thank the organisers for inviting me to this panel.", "thanks"],
  ["It is a great pleasure to be here with you today.", "thanks"],
  ["I give the floor to Mr. Cerf.", "floor"],
  ["I now give the floor to our next speaker, Chengetai Masango.", "floor"],
  ["Can we have the next speaker, please?", "floor"],
  ["The floor is yours.", "floor"],
  ["Please go ahead.", "floor"],
  ["Over to you, Anriette.", "floor"],
  ["Is there anyone else who wants to take the floor?", "floor"],
  ["Let me introduce our first panellist.", "floor"],
  ["We will now move to the questions from the floor.", "floor"],
  ["Next slide, please.", "floor"],
  ["We have about five minutes left.", "time"],
  ["We are running out of time.", "time"],
  ["Please keep your interventions short.", "time"],
  ["Can you hear me?", "technical"],
  ["Is my microphone on?", "technical"],
  ["Sorry for the technical problems.", "technical"],
  ["This concludes our session.", "closing"],
  ["The meeting is adjourned.", "closing"],
  ["Have a good lunch.", "closing"],
  ["Okay.", "filler"],
  ["(Applause)", "filler"],
  ["Merci beaucoup, Madame la Présidente.", "thanks"],
  ["Gracias.", "thanks"],
  ["شكرا جزيلا", "thanks"],
];

const SUBSTANTIVE = [
  "We believe that encryption must not be weakened.",
  "Please keep encryption strong in every jurisdiction.",
  "So encryption matters.",
  "Privacy matters.",
  "Internet shutdowns affected thirty countries last year.",
  "Thank you for raising the issue of Internet shutdowns, which affected thirty countries and millions of users last year.",
  "Community networks need spectrum and backhaul at fair prices.",
  "The IGF should have a permanent intersessional track on meaningful access.",
  "We have five minutes of connectivity a day in our village, when the generator runs.",
  "Welcome measures to protect children online must not break end-to-end encryption.",
];

describe("courtesy classifier", () => {
  for (const [sentence, kind] of PROCEDURAL) {
    it(`"${sentence}" is procedural (${kind})`, () => {
      expect(classifySentence(sentence)).toEqual({ procedural: true, kind });
    });
  }
  for (const sentence of SUBSTANTIVE) {
    it(`"${sentence}" is a point`, () => {
      expect(isProcedural(sentence)).toBe(false);
    });
  }

  it("keeps the points of a turn that opens and closes with courtesies, verbatim", () => {
    const turn = "Thank you, Chair. Good morning to all. We believe access to the Internet is a precondition for every other right. I give the floor back to you.";
    expect(substantiveSentences(turn)).toEqual(["We believe access to the Internet is a precondition for every other right."]);
    for (const s of substantiveSentences(turn)) expect(turn).toContain(s);
    expect(isProceduralText(turn)).toBe(false);
    expect(isProceduralText("Thank you very much, Chair.  Please go ahead.  (Applause)")).toBe(true);
  });
});
