// Reads real-time captioning output into speaker turns. Pure: no database, no I/O.
//
// What captioners deliver is plain text: a title and the captioning disclaimer on top, page furniture (page numbers,
// running headers, separators, "RAW COPY"), then turns introduced by a label and a colon, usually followed by two
// spaces ("MS BOMMELAER:  Thank you."), often after ">>" (">> CHAIR:  Good morning."), sometimes with no label at
// all (">>  Can you hear me?") or a garbled one (">> MR. [INAUDIBLE]:"). Paragraphs without a label continue the
// last speaker's turn. Capitalisation is inconsistent ("Chengetai Masango:", "CHENGETAI MASANGO:"). Turns with a
// missing or garbled label are kept, as spoken by an unidentified speaker: nothing said is dropped.

export type SpeakerKind = "person" | "role" | "unidentified";

/** Roles a captioner writes instead of a name; CHAIR, MODERATOR and RAPPORTEUR resolve to the session's people. */
export type SessionRole = "CHAIR" | "MODERATOR" | "RAPPORTEUR" | "OTHER";

export interface ParsedTurn {
  /** 1, 2, 3... in the order spoken */
  number: number;
  /** the label as written, without ">>" and the colon ("MS. BOMMELAER"); "" when there was none */
  label: string;
  kind: SpeakerKind;
  /** roster key of a person (speakerKey), or the role's name; null for an unidentified speaker */
  key: string | null;
  role: SessionRole | null;
  /** an affiliation written in the label, "VINTON CERF (Google)" */
  affiliation: string | null;
  paragraphs: string[];
  /** 1-based line of the label (or of the turn's first words) in the text */
  line: number;
}

export interface TranscriptWarning {
  line: number;
  code: "garbledLabel" | "missingLabel" | "emptyTurn" | "textBeforeFirstLabel";
  /** the text concerned, shortened */
  text: string;
}

export interface ParsedTranscript {
  /** the first title-like line above the first turn ("IGF 2019 - Main Session: Digital Inclusion"), if any */
  title: string | null;
  turns: ParsedTurn[];
  /** what was set aside, for the preview: lines of disclaimer, page furniture and stage directions ("(Applause)") */
  skipped: { disclaimer: number; furniture: number; stageDirections: number };
  words: number;
  warnings: TranscriptWarning[];
}

// ---------------------------------------------------------------------------------------------------------
// Labels and keys

const TITLES = new Set([
  "MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "PROFESSOR", "HE", "HON", "HONOURABLE", "HONORABLE", "AMB", "AMBASSADOR",
  "SIR", "DAME", "MADAM", "MADAME", "MME", "MLLE", "SEN", "SENATOR", "MINISTER", "DEPUTY", "SR", "SRA", "SENOR", "SENORA", "DON", "DONA",
]);

const ROLES: Record<string, SessionRole> = {
  CHAIR: "CHAIR", "CO CHAIR": "CHAIR", COCHAIR: "CHAIR", CHAIRMAN: "CHAIR", CHAIRWOMAN: "CHAIR", CHAIRPERSON: "CHAIR", "CHAIR PERSON": "CHAIR",
  PRESIDENT: "CHAIR", "SESSION CHAIR": "CHAIR",
  MODERATOR: "MODERATOR", "CO MODERATOR": "MODERATOR", COMODERATOR: "MODERATOR", "ONSITE MODERATOR": "MODERATOR", "ON SITE MODERATOR": "MODERATOR",
  "ONLINE MODERATOR": "MODERATOR", "REMOTE MODERATOR": "MODERATOR", "SESSION MODERATOR": "MODERATOR",
  RAPPORTEUR: "RAPPORTEUR", "SESSION RAPPORTEUR": "RAPPORTEUR",
  FACILITATOR: "OTHER", HOST: "OTHER", MC: "OTHER", "MASTER OF CEREMONIES": "OTHER", INTERPRETER: "OTHER", ANNOUNCER: "OTHER", CAPTIONER: "OTHER",
};

const UNIDENTIFIED = new Set([
  "SPEAKER", "SPEAKERS", "UNIDENTIFIED", "UNIDENTIFIED SPEAKER", "UNKNOWN", "UNKNOWN SPEAKER", "AUDIENCE", "AUDIENCE MEMBER", "FROM THE FLOOR", "FLOOR",
  "PARTICIPANT", "PARTICIPANTS", "ONLINE PARTICIPANT", "REMOTE PARTICIPANT", "ONLINE SPEAKER", "REMOTE SPEAKER", "QUESTION", "QUESTIONER", "Q", "A",
  "COMMENT", "MALE SPEAKER", "FEMALE SPEAKER", "MAN", "WOMAN", "VOICE", "VOICES", "INAUDIBLE", "PANELIST", "PANELLIST", "PANEL", "OFF MIC", "OFF MICROPHONE",
]);

/** What labels are matched on: accents folded, upper case, titles and punctuation removed ("Ms. Bommelaer" → "BOMMELAER"). */
export function speakerKey(label: string): string {
  const folded = label
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/['’`.]/g, " ")
    .replace(/[-‐–_]/g, " ")
    .replace(/[^\p{L}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  const tokens = [...folded];
  // Titles go only while a name remains ("DR" alone stays "DR"); "H.E." is His or Her Excellency, "H." alone an initial.
  for (;;) {
    if (tokens.length > 2 && tokens[0] === "H" && tokens[1] === "E") tokens.splice(0, 2);
    else if (tokens.length > 1 && TITLES.has(tokens[0] ?? "")) tokens.shift();
    else break;
  }
  return tokens.join(" ");
}

/** A label's role, e.g. "Co-Chair" → CHAIR; null for a person or an unidentified speaker. */
export function roleOf(label: string): SessionRole | null {
  return ROLES[speakerKey(label)] ?? null;
}

export function isUnidentifiedLabel(label: string): boolean {
  const key = speakerKey(label);
  return key.length < 2 || UNIDENTIFIED.has(key);
}

/** A readable name for a new roster entry from a label: "MS. BOMMELAER" → "Bommelaer", "V CERF" → "V. Cerf". */
export function displayName(label: string): string {
  const tokens = speakerKey(label).split(" ").filter(Boolean);
  return tokens
    .map((t) => (t.length === 1 ? `${t}.` : t.charAt(0) + t.slice(1).toLocaleLowerCase("en")))
    .map((t) => t.replace(/(^|[-'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toLocaleUpperCase("en")))
    .join(" ");
}

interface Label {
  label: string;
  affiliation: string | null;
  kind: SpeakerKind;
  key: string | null;
  role: SessionRole | null;
  garbled: boolean;
}

const LABEL_CHARS = /^[\p{L}][\p{L}\p{M} .'’\-]*$/u;
const PARTICLES = new Set(["de", "da", "das", "do", "dos", "du", "del", "della", "di", "van", "von", "der", "den", "ter", "bin", "binti", "ibn", "al", "el", "la", "le", "y", "e"]);

function classifyLabel(raw: string): Label {
  const label = raw.replace(/\s+/g, " ").trim();
  const affiliation = /\(([^)]{2,80})\)\s*$/.exec(label)?.[1]?.trim() ?? null;
  const name = affiliation ? label.replace(/\s*\([^)]*\)\s*$/, "").trim() : label;
  const garbled = !LABEL_CHARS.test(name) || name.split(" ").length > 7;
  if (garbled || isUnidentifiedLabel(name)) return { label, affiliation, kind: "unidentified", key: null, role: null, garbled };
  const role = roleOf(name);
  if (role) return { label, affiliation, kind: "role", key: speakerKey(name), role, garbled: false };
  return { label, affiliation, kind: "person", key: speakerKey(name), role: null, garbled: false };
}

/** Title case with particles: "Chengetai Masango", "Bertrand de La Chapelle", "Nnenna Nwakanma". */
function looksLikeName(label: string): boolean {
  const words = label.split(" ");
  if (words.length > 6) return false;
  if (label === label.toUpperCase() && /\p{Lu}{2}/u.test(label)) return true;
  const first = words[0] ?? "";
  if (!/^\p{Lu}/u.test(first)) return false;
  // Inconsistent capitalisation ("Chengetai masango") is common: the first word capitalised is enough when the
  // label is short and followed by the captioners' two spaces (checked by the caller).
  return words.length <= 4 || words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()));
}

// ">> LABEL:  text", ">>LABEL: text", ">>  text", ">> :  text".
const MARKED = /^\s*(?:>>+|»)\s*(.*)$/u;
const MARKED_LABEL = /^([^:]{1,80}?)\s*:(?:\s+|$)(.*)$/u;
// "LABEL:  text" without a marker: the label must look like a name and be followed by two spaces or the end of the
// line (one space is enough when the label is all capitals, as "VINTON CERF: Thank you").
const BARE_LABEL = /^\s*([\p{L}][\p{L}\p{M} .'’\-]{0,60}?(?:\s*\([^)]{1,80}\))?)\s*:(\s*)(.*)$/u;

type LineMatch = { label: string | null; text: string; marked: boolean } | null;

function matchTurnStart(line: string, known: ReadonlySet<string>): LineMatch {
  const marked = MARKED.exec(line);
  if (marked) {
    const rest = marked[1] ?? "";
    // ">> :  text": the captioner marked a new speaker but wrote no name.
    if (/^:/.test(rest)) return { label: null, text: rest.slice(1), marked: true };
    const labelled = MARKED_LABEL.exec(rest);
    const candidate = (labelled?.[1] ?? "").replace(/(^|\s)\p{L}{1,4}\.(?=\s)/gu, "$1");
    // A colon far into the line is part of what was said (">> We have three goals: access, ..."), not a label;
    // abbreviations ("MS.", "H.") are not sentence ends.
    if (labelled && candidate.split(/\s+/).length <= 8 && !/[.!?,;]\s/.test(candidate)) {
      return { label: (labelled[1] ?? "").trim(), text: labelled[2] ?? "", marked: true };
    }
    return { label: null, text: rest, marked: true };
  }
  const bare = BARE_LABEL.exec(line);
  if (!bare) return null;
  const label = (bare[1] ?? "").trim();
  const spacing = bare[2] ?? "";
  const text = bare[3] ?? "";
  const name = label.replace(/\s*\([^)]*\)\s*$/, "");
  const allCaps = name === name.toUpperCase() && /\p{Lu}{2}/u.test(name);
  const isKnown = known.has(speakerKey(name)) || roleOf(name) !== null || (isUnidentifiedLabel(name) && allCaps);
  const endOfLine = text.trim() === "";
  const twoSpaces = spacing.length >= 2 || spacing.includes("\t");
  if (!looksLikeName(name) && !isKnown) return null;
  // One capitalised word and a colon is as often a heading of speech ("Recommendation:  ...") as a name.
  if (!allCaps && !isKnown && name.split(" ").length < 2) return null;
  if (allCaps || isKnown) return endOfLine || spacing.length >= 1 ? { label, text, marked: false } : null;
  // Title-case labels: only with the captioners' two spaces, or alone on their line.
  return twoSpaces || endOfLine ? { label, text, marked: false } : null;
}

// ---------------------------------------------------------------------------------------------------------
// Furniture and disclaimer

const FURNITURE = [
  /^(page\s*)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
  /^[-–—]+\s*\d{1,4}\s*[-–—]+$/,
  /^[*\-=_~•·\s]{3,}$/,
  /^\*+\s*(raw|rough|unedited|edited|finished).*\*+$/i,
  /^(finished\s+)?(raw|rough(ly)?[\s-]+edited|unedited|edited)(\s+raw)?\s+(copy|transcript|version|file)\.?$/i,
  /^(www\.|https?:\/\/)\S+$/i,
  /^(real[\s-]?time\s+)?(captioning|cart|transcription)\s+(services?\s+)?(provided\s+)?by\b.{0,80}$/i,
  /^(finished|end of (session|transcript|file)|session ends|\[end\]|\(end\))(\s*[-–:]?\s*\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?)?\.?$/i,
  /^\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?$/i,
  /^\f*$/,
];

const DISCLAIMER_WORDS = [
  /real[\s-]?time captioning/i, /live (transcription|captioning)/i, /communication access real[\s-]?time translation/i, /\bCART\b/,
  /verbatim/i, /authoritative record/i, /transcription errors/i, /inaudible passages/i, /aid to understanding/i,
  /communication accessibility/i, /copyright law/i, /not (be )?(treated|distributed)/i, /largely accurate/i, /outputs of the/i,
];

function isDisclaimer(paragraph: string): boolean {
  return DISCLAIMER_WORDS.filter((w) => w.test(paragraph)).length >= 2;
}

const STAGE = /^\s*[([][^)\]]{1,80}[)\]]\s*\.?\s*$/u;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// ---------------------------------------------------------------------------------------------------------
// The parser

export interface ParseOptions {
  /** roster keys and the session's people: a label that is one of them is a turn even in lower case */
  knownKeys?: ReadonlySet<string>;
}

/** Splits a line where a second ">>" turn starts inside it ("Thank you.  >> CHAIR:  Next."). */
function splitInlineTurns(line: string): string[] {
  return line.split(/\s+(?=(?:>>|»)\s*\S)/u).filter((part, i) => i === 0 || part.trim() !== "");
}

export function parseTranscript(input: string, options: ParseOptions = {}): ParsedTranscript {
  const known = options.knownKeys ?? new Set<string>();
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\f/g, "\n\n").replace(/[\u00A0\u2007\u202F]/g, " ");
  const rawLines = text.split("\n");

  // Running headers and footers: a line that is not a turn and comes back three times or more.
  const counts = new Map<string, number>();
  for (const l of rawLines) {
    const t = l.trim();
    if (t.length >= 4 && !MARKED.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([line, n]) => n >= 3 && wordCount(line) <= 14 && !/[.!?]$/.test(line)).map(([line]) => line));

  const skipped = { disclaimer: 0, furniture: 0, stageDirections: 0 };
  const warnings: TranscriptWarning[] = [];
  const turns: ParsedTurn[] = [];
  let title: string | null = null;
  let current: (ParsedTurn & { open: string[] }) | null = null;
  // Lines above the first turn, held until we know whether they are a title, a disclaimer or speech.
  let preamble: { line: number; text: string }[] = [];

  const closeParagraph = () => {
    if (!current) return;
    const paragraph = current.open.join(" ").replace(/\s+/g, " ").trim();
    if (paragraph) current.paragraphs.push(paragraph);
    current.open = [];
  };
  const closeTurn = () => {
    if (!current) return;
    closeParagraph();
    if (current.paragraphs.length > 0) {
      const { open: _open, ...turn } = current;
      turns.push({ ...turn, number: turns.length + 1 });
    } else {
      warnings.push({ line: current.line, code: "emptyTurn", text: current.label.slice(0, 80) });
    }
    current = null;
  };
  const flushPreamble = () => {
    // Group the held lines into paragraphs: the disclaimer goes, a short first line is the title, prose is speech.
    const paragraphs: { line: number; lines: string[] }[] = [];
    let para: { line: number; lines: string[] } | null = null;
    for (const p of preamble) {
      if (p.text === "") {
        if (para) paragraphs.push(para);
        para = null;
      } else {
        para ??= { line: p.line, lines: [] };
        para.lines.push(p.text);
      }
    }
    if (para) paragraphs.push(para);
    preamble = [];
    for (const p of paragraphs) {
      const joined = p.lines.join(" ").replace(/\s+/g, " ").trim();
      if (isDisclaimer(joined)) {
        skipped.disclaimer += p.lines.length;
        continue;
      }
      if (wordCount(joined) >= 12 && /[.!?]["”’)]?$/.test(joined)) {
        warnings.push({ line: p.line, code: "textBeforeFirstLabel", text: joined.slice(0, 80) });
        turns.push({ number: turns.length + 1, label: "", kind: "unidentified", key: null, role: null, affiliation: null, paragraphs: [joined], line: p.line });
        continue;
      }
      if (title === null) {
        // The first block above the turns is the session's heading, however many lines the captioner gave it.
        const heading = p.lines.filter((l) => !/^\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?$/i.test(l)).map((l) => l.replace(/\s+/g, " ").trim());
        title = heading.join(" – ").slice(0, 200) || null;
        continue;
      }
      skipped.furniture += p.lines.length;
    }
  };

  rawLines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    for (const segment of splitInlineTurns(rawLine)) {
      const line = segment.replace(/\t/g, "  ").replace(/\s+$/, "");
      const trimmed = line.trim();
      if (trimmed === "") {
        if (current) closeParagraph();
        else preamble.push({ line: lineNo, text: "" });
        continue;
      }
      // A running header is the session's title when it stands above the first turn.
      if (FURNITURE.some((f) => f.test(trimmed)) || (repeated.has(trimmed) && (current !== null || turns.length > 0))) {
        skipped.furniture++;
        continue;
      }
      if (STAGE.test(trimmed)) {
        skipped.stageDirections++;
        continue;
      }
      const start = matchTurnStart(line, known);
      if (start) {
        if (!current) flushPreamble();
        closeTurn();
        const label = start.label === null ? null : classifyLabel(start.label);
        if (!label) warnings.push({ line: lineNo, code: "missingLabel", text: start.text.trim().slice(0, 80) });
        else if (label.garbled) warnings.push({ line: lineNo, code: "garbledLabel", text: label.label.slice(0, 80) });
        current = {
          number: 0, label: label?.label ?? "", kind: label?.kind ?? "unidentified", key: label?.key ?? null, role: label?.role ?? null,
          affiliation: label?.affiliation ?? null, paragraphs: [], line: lineNo, open: [],
        };
        if (start.text.trim()) current.open.push(start.text.trim());
        continue;
      }
      if (current) {
        // Captioners start a new paragraph of the same speaker with an indented line.
        if (/^\s{3,}\S/.test(line) && current.open.length > 0) closeParagraph();
        current.open.push(trimmed);
        continue;
      }
      preamble.push({ line: lineNo, text: trimmed });
    }
  });
  if (current) closeTurn();
  else flushPreamble();

  // A disclaimer repeated inside the text (at a page break) ends up as a paragraph of the turn it interrupts.
  for (const turn of turns) {
    const kept = turn.paragraphs.filter((p) => !isDisclaimer(p));
    skipped.disclaimer += turn.paragraphs.length - kept.length;
    turn.paragraphs = kept;
  }
  const nonEmpty = turns.filter((t) => t.paragraphs.length > 0).map((t, i) => ({ ...t, number: i + 1 }));
  return { title, turns: nonEmpty, skipped, words: nonEmpty.reduce((n, t) => n + t.paragraphs.reduce((m, p) => m + wordCount(p), 0), 0), warnings };
}
