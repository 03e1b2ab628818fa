// Procedural and courtesy sentences of spoken turns ("Good morning", "Thank you, Chair", "I give the floor to…",
// "Can we have the next speaker"): recognised so that they stay in the transcript but never become points of a
// synthesis. Pure and deterministic, so the synthesis (or anything else) can call it on any sentence.
//
// A sentence is procedural when it opens with a courtesy or floor-management frame and says almost nothing once
// the courtesy words are set aside (names, hosts and meeting vocabulary included), or when nothing but courtesy
// and meeting vocabulary is left in it at all. "Thank you, Chair. We believe encryption must not be weakened."
// is two sentences: the first procedural, the second a point. English first (the language of IGF captioning),
// with the common French, Spanish and Arabic courtesies.

export type ProceduralKind = "greeting" | "thanks" | "floor" | "time" | "technical" | "closing" | "filler";

export interface SentenceClass {
  procedural: boolean;
  /** the frame that made it procedural; null for a substantive sentence */
  kind: ProceduralKind | null;
}

const FRAMES: { kind: ProceduralKind; pattern: RegExp }[] = [
  { kind: "greeting", pattern: /^(good (morning|afternoon|evening|day)|hello|hi|hey|greetings|welcome|dear (colleagues|friends|all|participants)|ladies and gentlemen|(your )?excellenc(y|ies)|distinguished (delegates|guests|colleagues|participants|panel(l)?ists|speakers)|bonjour|bonsoir|buenos d[ií]as|buenas tardes|salaam|as-?salaam|السلام عليكم|صباح الخير|مساء الخير)\b/iu },
  { kind: "thanks", pattern: /^((and )?thank(s| you)( (all|everyone|again|so much|very much|indeed|a lot))*|many thanks|thanks a lot|(i|we) (would|'d) (also )?like to (thank|express (my|our) (gratitude|thanks|appreciation))|(i|we) (want|wish) to (thank|express)|let me (also )?(thank|begin by thanking|start by thanking|first thank)|(i|we) (also )?thank|(i|we) (am|are|'m|'re) (very )?(grateful|honou?red|pleased|delighted|happy)|my (sincere )?thanks|it('s| is) (a|my|an) (great )?(pleasure|honou?r|privilege)|merci( beaucoup)?|gracias|muchas gracias|شكرا|شكرًا)/iu },
  { kind: "floor", pattern: /^((and )?(so |now |then )?(i|let me|i'?ll|i will|i'?d like to|i would like to) (now )?(give|pass|hand|turn) (the floor|it|the mic(rophone)?|over)|(the )?floor is (yours|now open|open)|you have the floor|(please )?(go ahead|proceed|continue)|over to you|back to you|(can|could|may) (we|i) (have|hear|take|go to) (the next|another|a|one more|our next) (speaker|question|intervention|comment|panel(l)?ist)|(our |the )?next speaker|(is there |does )?(anyone|anybody|somebody|who) (else )?(who )?(want|wants|would like|wishes) (to (speak|take the floor|comment|ask|respond|add)|the floor)|(are there|any) (other |more |further )?(questions|comments|hands|interventions)|let me (now )?(introduce|invite|call (on|upon)|give)|(i|we) (would|'d) like to (introduce|invite|call (on|upon)|welcome)|(we will|we'll|let's|let us) (now )?(move|turn|go|come) (on )?(to|back)|(we will|we'll|let's|let us) (now )?(take|have|hear) (a|some|the|one|two|three|our)( \w+)? (questions?|comments?|break|round|speaker|intervention)s?|please (unmute|introduce yourself|state your name|identify yourself|use the microphone|come to the microphone)|next slide|(can|could) (we|you) (go to|move to|show) the next slide|i see (a )?hands?|(there is|there's|i have) a (hand|question) (from|in|online)|yes,? (please|go ahead|you))\b/iu },
  { kind: "time", pattern: /^((we are|we're|i am|i'm) (running|short) (out of|on|of) time|we (have|only have|have only) (about |around |roughly )?(\w+|\d+) minutes?( left| remaining)?|(you have|i have|each speaker has) (about |around )?(\w+|\d+) minutes?|time is (up|running out|short)|(i|we) (will|'ll) (try to )?(be|keep it) (brief|short|quick)|(please )?keep (it|your (interventions?|remarks|comments?|questions?)) (short|brief)|in the interest of time|(sorry|apologies),? (we|i) (have|must|need to) (move on|stop|cut))/iu },
  { kind: "technical", pattern: /^((can|could) (you|everyone|everybody|we) (hear|see) (me|us|my screen|the screen|the slides?)|(is|are) (my|the|our) (microphone|mic|audio|sound|video|camera|slides?) (on|working|visible|ok(ay)?)|(am i|are we|is this) (on|audible|live|visible|unmuted)|testing,? (one|1)|i (think|believe) (i was|you are|you're) (muted|on mute)|(you are|you're) (on )?mute(d)?|(sorry|apologies),? (for )?(the )?(technical|connection|audio) (problems?|issues?|difficulties)|we (seem to )?(have|are having) (some )?(technical|connection|audio) (problems?|issues?|difficulties)|(the )?interpretation (is|will be) (available|on channel))/iu },
  { kind: "closing", pattern: /^((the|this) (meeting|session|panel) is (now )?(adjourned|closed)|(this|that) (concludes|brings us to the end of)|(we will|we'll|let's|let us|i will|i'll) (now )?(close|end|wrap up|conclude|adjourn)|(see you|enjoy the rest of)|have a (good|nice|great) (day|evening|lunch|afternoon|rest of the day)|goodbye|bye|(i|we) (look forward|hope to see you))/iu },
  { kind: "filler", pattern: /^(okay|ok|all right|alright|right|so|well|yes|yeah|no|good|great|excellent|wonderful|perfect|indeed|sure|of course|exactly|absolutely|sorry|excuse me|pardon|apologies|i apologi[sz]e( for (being late|the delay|the interruption))?|um+|uh+|hmm+)\b/iu },
];

// Words that carry no point in a meeting: courtesy, addressing people, the meeting's own furniture. What is left of
// a sentence once these (and function words) are set aside is what it says.
const MEETING_WORDS = new Set(
  (
    "thank thanks thanking thankful grateful gratitude appreciation appreciate kind kindly please welcome welcoming pleasure honour honor honoured honored privilege opportunity " +
    "invitation invite inviting invited organisers organizers organising organizing organisation organization organised organized hosting host hosts hosted convening convened " +
    "chair chairman chairwoman chairperson madam madame mister mr mrs ms miss dr doctor professor prof excellency excellencies ambassador sir dame " +
    "colleague colleagues friend friends everyone everybody all ladies gentlemen distinguished delegates delegate participants participant guests guest audience " +
    "panel panels panelist panelists panellist panellists speaker speakers moderator moderators rapporteur facilitator session sessions meeting meetings workshop forum igf secretariat mag " +
    "floor question questions comment comments intervention interventions remark remarks words statement presentation introduction introduce introducing " +
    "microphone mic audio sound video camera screen slide slides channel interpretation interpreters mute unmute muted hear see audible online remote room hall onsite " +
    "minute minutes second seconds time today morning afternoon evening day days year's week everyone's " +
    "very much many lot so indeed again also really truly sincerely great wonderful excellent fantastic nice good lovely warm warmly " +
    "give giving pass hand turn over back ahead go going next first start begin briefly brief short quick quickly together joining join joined being having " +
    "yes no okay ok right sure sorry apologies apologise apologize excuse well now then just let like would want wish take have has had here there " +
    "look forward hope see bye goodbye see enjoy rest lunch break coffee adjourned closed close wrap conclude concludes end " +
    "merci beaucoup gracias muchas شكرا شكرًا"
  ).split(" "),
);

const FUNCTION_WORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as is are was were be been am it its this that these those we our us you your yours " +
    "they their them he she his her i my me mine not nor so than too can could should would will shall may might must do does did 's 're 'm 've 'll 'd " +
    "which who whom whose what when where why how any both each some such only own same into about up out off once our ours myself ourselves everyone"
  ).split(" "),
);

const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });
const sentenceSegmenter = new Intl.Segmenter("und", { granularity: "sentence" });

/** Words of a sentence that say something: not courtesy, not meeting vocabulary, not function words, not numbers. */
function contentWords(sentence: string, { dropNames }: { dropNames: boolean }): string[] {
  const out: string[] = [];
  let first = true;
  for (const s of wordSegmenter.segment(sentence)) {
    if (!s.isWordLike) continue;
    const raw = s.segment;
    const word = raw.toLocaleLowerCase("en").replace(/[’]/g, "'");
    const atStart = first;
    first = false;
    if (FUNCTION_WORDS.has(word) || MEETING_WORDS.has(word) || /^\d+$/.test(word)) continue;
    // In a thank-you or a greeting, capitalised words are the people and hosts being thanked ("Thank you,
    // Chengetai", "thank you to the Government of Japan"); acronyms (IPv6, GDPR) are kept as content.
    if (dropNames && !atStart && /^\p{Lu}\p{Ll}/u.test(raw)) continue;
    out.push(word);
  }
  return out;
}

/** How many words beyond courtesy a framed sentence may say and still be courtesy ("thank you for the question"). */
const FRAMED_ALLOWANCE = 3;

/** Classifies one sentence. Empty and punctuation-only sentences are procedural fillers. */
export function classifySentence(sentence: string): SentenceClass {
  const text = sentence
    .normalize("NFC")
    .replace(/^[\s>»"“'‘-]+/u, "")
    .replace(/[’]/g, "'")
    .trim();
  // Nothing to say, or a captioner's note of what happened: "(Applause)", "[inaudible]".
  if (!/[\p{L}\p{N}]/u.test(text) || /^[(\[][^)\]]*[)\]][.\s]*$/u.test(text)) return { procedural: true, kind: "filler" };
  const frame = FRAMES.find((f) => f.pattern.test(text));
  const dropNames = frame?.kind === "thanks" || frame?.kind === "greeting" || frame?.kind === "floor" || frame?.kind === "closing";
  const left = contentWords(text, { dropNames });
  // A filler ("So", "Well", "Okay") frames nothing: "So encryption matters." is a point.
  if (frame && frame.kind !== "filler" && left.length <= FRAMED_ALLOWANCE) return { procedural: true, kind: frame.kind };
  if (left.length === 0) return { procedural: true, kind: frame?.kind ?? "filler" };
  return { procedural: false, kind: null };
}

export function isProcedural(sentence: string): boolean {
  return classifySentence(sentence).procedural;
}

/** Sentences of a spoken paragraph (Unicode sentence boundaries), trimmed. */
export function spokenSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text.replace(/\s+/g, " "))) {
    const trimmed = segment.trim();
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/** The sentences of a turn that say something, in order, verbatim (each a substring of the paragraph it is from). */
export function substantiveSentences(text: string): string[] {
  return spokenSentences(text).filter((s) => !isProcedural(s));
}

/** A turn that is nothing but courtesy and floor management ("Thank you. Please go ahead."). */
export function isProceduralText(text: string): boolean {
  return spokenSentences(text).every(isProcedural);
}
