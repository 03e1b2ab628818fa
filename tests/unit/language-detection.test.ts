// Language detection of contributions (franc, docs/decisions/0038): the six UN languages and Portuguese, German and
// Swahili are recognised from an ordinary sentence or two; too short a text gives the fallback.
import { describe, expect, it } from "vitest";
import { guessLanguage } from "@/lib/submissions/language";

const SAMPLES: [string, string][] = [
  ["ar", "نحتاج إلى الوصول الميسور إلى الإنترنت في جميع المناطق الريفية حتى يحصل الأطفال على تعليم جيد."],
  ["zh", "我们需要在全国所有地区提供负担得起的互联网接入，让农村的孩子们也能获得良好的教育。"],
  ["en", "Affordable access to the internet in every rural region is a priority, so that children can get a good education."],
  ["fr", "Un accès abordable à l'internet dans toutes les régions rurales est une priorité, pour que les enfants reçoivent une bonne éducation."],
  ["ru", "Доступный интернет во всех сельских регионах — это приоритет, чтобы дети могли получать хорошее образование."],
  ["es", "El acceso asequible a internet en todas las regiones rurales es una prioridad, para que los niños reciban una buena educación."],
  ["pt", "O acesso acessível à internet em todas as regiões rurais é uma prioridade, para que as crianças recebam uma boa educação."],
  ["de", "Ein bezahlbarer Internetzugang in allen ländlichen Regionen ist vorrangig, damit die Kinder eine gute Bildung erhalten."],
  ["sw", "Tunahitaji huduma ya mtandao kwa bei nafuu katika vijiji vyote vya nchi yetu ili watoto wapate elimu bora."],
];

describe("guessLanguage", () => {
  it.each(SAMPLES)("recognises %s", (language, text) => {
    expect(guessLanguage(text, "und")).toBe(language);
  });

  it("gives the fallback for a text too short to tell, and never a language we do not offer", () => {
    expect(guessLanguage("ok", "fr")).toBe("fr");
    expect(guessLanguage("   ", "es")).toBe("es");
    expect(guessLanguage("12345 67890 !!! ???", "en")).toBe("en");
  });
});
