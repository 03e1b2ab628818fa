// Word lists and light morphology for the synthesis, per language: function words, stemming, the words that make a
// sentence lean on the one before it (anaphors and connectives), negation, courtesy sentences, clause starters.
// Languages without an entry still work: inverse document frequency weighs their frequent words down.

/** The primary subtag of a BCP 47 tag ("fr-CA" -> "fr"), lower-case; "und" when empty. */
export function baseLanguage(tag: string | null | undefined): string {
  const base = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(base) ? base : "und";
}

const list = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

export const STOPWORDS = list(
  "a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those " +
    "we our us you your they their them he she his her i my me not no nor so than too very can could should would will shall may might must " +
    "do does did have has had which who whom whose what when where why how all any both each few more most other some such only own same also " +
    "there here into over under about between through during before after above below up down out off again further then once " +
    "le la les un une des du de d l et ou mais donc or ni car que qui quoi dont où ce cet cette ces il elle ils elles nous vous je tu on " +
    "est sont être été avoir a ont au aux en dans par pour sur avec sans sous entre pendant durant lors ne pas plus se sa son ses leur leurs notre nos votre vos doivent doit " +
    "el los las y o pero del al con por para sin sobre entre es son ser fue su sus lo se que una unos unas este esta estos estas " +
    "في من على إلى عن مع هذا هذه ذلك التي الذي و أو ثم كما أن إن لا ما هو هي هم نحن",
);

/** Words that negate what a sentence says: two sentences that differ in polarity do not make the same point. */
export const NEGATIONS = list("not no never nor without cannot can't won't shouldn't mustn't don't doesn't isn't aren't rather ne pas jamais sans aucun aucune ni no nunca sin لا لن ليس بدون");

/**
 * Words and phrases that, opening a sentence, point back to what came before: the sentence cannot be quoted alone.
 * Multi-word entries are matched as a prefix of the sentence (lower-cased).
 */
const LEANING: Record<string, { words: Set<string>; phrases: string[] }> = {
  en: {
    words: list(
      "this these those that it its they them their theirs such however therefore moreover furthermore thus hence also nevertheless nonetheless " +
        "consequently besides otherwise instead likewise similarly accordingly meanwhile he she his her both then additionally but yet so and or still",
    ),
    phrases: ["in addition", "as a result", "for this reason", "to this end", "on the other hand", "in this regard", "in this context", "the latter", "the former", "in turn", "at the same time", "for that reason", "in that case", "that is why", "this is why"],
  },
  fr: {
    words: list("ce cet cette ces cela ceci ça il ils elle elles leur leurs cependant toutefois néanmoins ainsi donc aussi mais et pourtant enfin celui celle ceux celles"),
    phrases: ["en outre", "de plus", "par ailleurs", "par conséquent", "de même", "en effet", "à cet égard", "dans ce cadre", "pour cela", "c’est pourquoi", "c'est pourquoi"],
  },
  es: {
    words: list("esto este esta estos estas eso esa esos esas ello ellos ellas su sus sin embargo además también pero y así"),
    phrases: ["sin embargo", "por lo tanto", "por ello", "en este sentido", "de igual modo", "por otra parte"],
  },
  ar: { words: list("هذا هذه ذلك تلك هؤلاء لكن ولكن لذلك كما أيضا وهذا وهذه وذلك"), phrases: [] },
};

/** "It is essential to…", "Il faut…": the pronoun refers to nothing before it. */
const EXPLETIVE: Record<string, RegExp> = {
  en: /^it\s+(is|was|would be|will be|remains|seems|appears|has become)\b[^.;:]*\b(to|that|for|whether|how)\b/,
  fr: /^il\s+(faut|est|convient|importe|serait|semble|apparaît|reste)\b/,
};

function firstWords(sentence: string): { text: string; first: string } {
  const text = sentence.replace(/^[\s"“”«»'‘’([{…\-–—*]+/u, "").toLocaleLowerCase("und");
  const first = /^[\p{L}’']+/u.exec(text)?.[0]?.replace(/[’']s$/u, "") ?? "";
  return { text, first };
}

/** Whether a sentence opens with a pronoun or connective that refers to an earlier sentence. */
export function leansOnPrevious(sentence: string, language: string): boolean {
  const lang = baseLanguage(language);
  const { text, first } = firstWords(sentence);
  if (!first) return false;
  const lexicon = LEANING[lang] ?? LEANING.en;
  if (!lexicon) return false;
  if (lexicon.phrases.some((p) => text.startsWith(`${p} `) || text.startsWith(`${p},`))) return true;
  // French elision: "C’est", "Cela"; "L’" is an article, not a pronoun.
  const elided = /^(c|ç)[’']/u.test(text) ? "ce" : first;
  if (!lexicon.words.has(elided)) return false;
  const expletive = EXPLETIVE[lang];
  if (expletive && expletive.test(text)) return false;
  return true;
}

/** Courtesy sentences (thanks, greetings, sign-offs) make no point of substance. */
export function isCourtesy(sentence: string): boolean {
  const text = sentence.trim();
  if (text.split(/\s+/).length > 30) return false;
  return (
    /\b(thank|thanks|thankful|grateful)\b/i.test(text) && /\b(opportunity|secretariat|consultation|invitation|chance)\b/i.test(text)
  ) || /^(dear|kind regards|best regards|yours sincerely|sincerely|respectfully)\b/i.test(text) ||
    /\b(remercions|remercie|merci)\b/i.test(text) && /\b(occasion|secrétariat|consultation|possibilité|invitation)\b/i.test(text) ||
    /\b(agradecemos|gracias)\b/i.test(text);
}

/** Words that open a clause after a comma: the places where a long sentence may be shortened. */
export const CLAUSE_STARTERS = list(
  "which who whom whose where while whereas although though because since as so but and or nor yet including especially particularly notably " +
    "such that if when unless until whether provided given thereby thus while " +
    "qui que dont où mais et ou car notamment particulièrement tandis alors bien puisque lorsque quand si afin " +
    "que cual cuales donde mientras aunque porque pero y o incluyendo especialmente",
);

/** Words that open a subordinate clause at the start of a sentence: its main point comes after the first comma. */
export const SUBORDINATORS = list("while whereas although though since because given despite if when as even once unless alors bien tandis puisque lorsque si quoique aunque mientras como");

// ---- stemming: light, rule-based, per language, so "networks/network", "regulators/regulation/regulatory" meet ----

function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const rules: [RegExp, string][] = [
    [/ibilities$|ibility$/, "ible"],
    [/abilities$|ability$/, "able"],
    [/izations?$|isations?$/, "ize"],
    [/ational$/, "ate"],
    [/ations?$/, "ate"],
    [/ators?$/, "ate"],
    [/atory$/, "ate"],
    [/fulness$/, "ful"],
    [/iveness$/, "ive"],
    [/ements?$/, ""],
    [/ments?$/, ""],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(w) && w.replace(pattern, "").length >= 3) {
      w = w.replace(pattern, replacement);
      break;
    }
  }
  if (/(able|ible)$/.test(w) && w.length > 7) w = w.slice(0, -4);
  if (/ing$/.test(w) && w.length > 5) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length > 4) w = w.slice(0, -2);
  if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  if (/ly$/.test(w) && w.length > 5) w = w.slice(0, -2);
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  if (/y$/.test(w) && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

function stemFrench(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  w = w.replace(/[sx]$/, "");
  for (const suffix of ["issements", "issement", "ements", "ement", "ations", "ation", "ités", "ité", "ées", "ée", "és", "é", "es", "e"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

function stemLatinPlural(word: string): string {
  return word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

// ---- equivalents: the consultation's own vocabulary in French and Spanish, as the English term it stands for ----
//
// A point made in French and the same point made in English share no word, so they would stay two paragraphs, each
// under-counting the contributors behind it. The words of Internet governance consultations (shutdowns, elections,
// citizens, spectrum, privacy…) are few and stable; a French or Spanish word listed here is compared as its English
// equivalent (after stemming on both sides, so inflections meet). Words not listed stay as they are: the quote itself
// is always the contributor's own words.

const EQUIVALENT_PAIRS: Record<string, string> = {
  fr:
    "coupure:shutdown coupures:shutdowns élection:election citoyen:citizen citoyenne:citizen information:information essentiel:essential essentielle:essential " +
    "besoin:need besoins:needs priver:deprive privent:deprive prive:deprives soutenir:support soutenu:supported soutenus:supported soutien:support accès:access abordable:affordable rural:rural rurale:rural ruraux:rural communauté:community communautaire:community " +
    "réseau:network réseaux:networks spectre:spectrum fréquences:spectrum licence:licence licences:licences régulateur:regulator régulateurs:regulators " +
    "réglementation:regulation réglementaire:regulatory investissement:investment investir:invest opérateur:operator opérateurs:operators trafic:traffic " +
    "transit:transit coût:cost coûts:costs fonds:funds financement:funding financements:funding financer:finance infrastructure:infrastructure " +
    "sécurité:security cybersécurité:cybersecurity cybercriminalité:cybercrime criminalité:crime droit:right droits:rights humain:human humains:human homme:human " +
    "liberté:freedom libertés:freedoms expression:expression vie:life privée:privacy données:data protection:protection utilisateur:user utilisateurs:users " +
    "usager:user usagers:users frontière:border frontières:borders plateforme:platform plateformes:platforms contenu:content contenus:content illégal:illegal " +
    "illicite:illegal responsable:accountable responsabilité:liability intermédiaire:intermediary intermédiaires:intermediaries juge:judge juges:judges " +
    "procureur:prosecutor procureurs:prosecutors renforcement:building capacités:capacity capacité:capacity formation:training coopération:cooperation " +
    "sensibilisation:awareness campagne:campaign campagnes:campaigns fraude:fraud norme:standard normes:standards ouvert:open ouverte:open ouvertes:open " +
    "ouverts:open gouvernement:government gouvernements:governments gouvernance:governance entreprise:business entreprises:businesses langue:language " +
    "langues:languages local:local locale:local locaux:local locales:local adoption:adoption développement:development développer:develop pays:country " +
    "école:school écoles:schools éducation:education numérique:digital alphabétisation:literacy genre:gender femme:woman femmes:women participation:participation " +
    "distance:remote séance:session séances:sessions session:session réunion:meeting forum:forum parties:stakeholders prenantes:stakeholders domaine:domain " +
    "domaines:domains nom:name noms:names adresse:address adresses:addresses routage:routing déploiement:deployment inégal:uneven inégale:uneven " +
    "région:region régions:regions transparence:transparency redevabilité:accountability responsabilisation:accountability durable:sustainable " +
    "énergie:energy environnement:environment intelligence:intelligence artificielle:artificial haut:broad débit:band",
  es:
    "apagón:shutdown apagones:shutdowns cortes:shutdowns elecciones:elections elección:election ciudadano:citizen ciudadanos:citizens información:information " +
    "necesitan:need necesita:needs necesidad:need esencial:essential esenciales:essential privan:deprive apoyo:support apoyar:support acceso:access asequible:affordable rurales:rural rural:rural comunidad:community comunidades:communities " +
    "comunitarias:community comunitaria:community red:network redes:networks espectro:spectrum licencia:licence licencias:licences regulador:regulator " +
    "reguladores:regulators regulación:regulation regulatorio:regulatory inversión:investment operador:operator operadores:operators tráfico:traffic " +
    "costo:cost costos:costs coste:cost costes:costs fondo:fund fondos:funds financiación:funding financiamiento:funding financiar:finance infraestructura:infrastructure " +
    "seguridad:security ciberseguridad:cybersecurity ciberdelincuencia:cybercrime derecho:right derechos:rights humanos:human humano:human libertad:freedom " +
    "expresión:expression privacidad:privacy datos:data protección:protection usuario:user usuarios:users frontera:border fronteras:borders plataforma:platform " +
    "plataformas:platforms contenido:content contenidos:content ilegal:illegal ilegales:illegal responsables:accountable responsabilidad:liability " +
    "intermediarios:intermediaries jueces:judges fiscales:prosecutors capacidades:capacity capacitación:training cooperación:cooperation concienciación:awareness " +
    "campaña:campaign campañas:campaigns fraude:fraud norma:standard normas:standards estándares:standards abierto:open abiertos:open abierta:open " +
    "gobierno:government gobiernos:governments gobernanza:governance empresas:businesses idioma:language idiomas:languages lengua:language lenguas:languages " +
    "locales:local local:local adopción:adoption desarrollo:development país:country países:countries escuela:school escuelas:schools educación:education " +
    "digital:digital alfabetización:literacy género:gender mujeres:women participación:participation remota:remote sesión:session sesiones:sessions " +
    "reunión:meeting foro:forum dominio:domain dominios:domains nombres:names direcciones:addresses enrutamiento:routing despliegue:deployment desigual:uneven " +
    "región:region regiones:regions transparencia:transparency rendición:accountability sostenible:sustainable energía:energy inteligencia:intelligence artificial:artificial",
};

/** Stem in its own language -> English stem, per language. */
const EQUIVALENTS: Record<string, Map<string, string>> = Object.fromEntries(
  Object.entries(EQUIVALENT_PAIRS).map(([lang, pairs]) => [
    lang,
    new Map(pairs.split(/\s+/).filter(Boolean).map((pair) => {
      const [word = "", english = ""] = pair.split(":");
      return [ownStem(word, lang), stemEnglish(english)] as const;
    })),
  ]),
);

function ownStem(word: string, lang: string): string {
  if (lang === "fr") return stemFrench(word);
  if (/^[\p{Script=Latin}]+$/u.test(word)) return stemLatinPlural(word);
  return word;
}

/**
 * The stem of a lower-cased word in a language (English and French rules; a plural fold for other Latin scripts);
 * a French or Spanish word of the consultations' vocabulary gives the stem of its English equivalent.
 */
export function stem(word: string, language: string): string {
  const lang = baseLanguage(language);
  if (lang === "en" || (lang === "und" && /^[a-z]+$/.test(word))) return stemEnglish(word);
  const own = ownStem(word, lang);
  return EQUIVALENTS[lang]?.get(own) ?? own;
}
