// Demo data for content in several languages (docs/decisions/0033, 0034): the open consultation, its themes and its
// draft's title in French and Spanish, so a newcomer switching language sees translated content, and the "not yet
// translated" marker in Arabic, Chinese and Russian. Idempotent: existing translations are left as they are.
import type { PrismaClient } from "../../lib/db/generated/client";
import { fingerprintOf } from "../../lib/i18n/content";

const CONSULTATION = {
  fr: {
    title: "Consultation préparatoire à la réunion annuelle du FGI",
    summary: "Contributions écrites et commentaires sur le projet de programme du prochain Forum sur la gouvernance de l’Internet.",
    description:
      "Le secrétariat invite toutes les parties prenantes à soumettre des contributions écrites sur les thèmes de la prochaine réunion annuelle et à commenter, paragraphe par paragraphe, le projet de programme.\n\nToutes les contributions sont publiées intégralement après modération, et un document de synthèse les résumera par groupe de parties prenantes.",
  },
  es: {
    title: "Consulta preparatoria de la reunión anual del IGF",
    summary: "Contribuciones escritas y comentarios sobre el proyecto de programa del próximo Foro para la Gobernanza de Internet.",
    description:
      "La secretaría invita a todas las partes interesadas a presentar contribuciones escritas sobre los temas de la próxima reunión anual y a comentar, párrafo por párrafo, el proyecto de programa.\n\nTodas las contribuciones se publican íntegramente tras la moderación, y un documento de síntesis las resumirá por grupo de partes interesadas.",
  },
};

const THEMES: Record<string, Record<"fr" | "es", { title: string; description: string }>> = {
  "critical-internet-resources": {
    fr: { title: "Ressources critiques de l’Internet", description: "Noms, numéros, serveurs racine, IPv6 et les institutions qui les gèrent." },
    es: { title: "Recursos críticos de Internet", description: "Nombres, números, servidores raíz, IPv6 y las instituciones que los gestionan." },
  },
  access: {
    fr: { title: "Accès", description: "Connecter le prochain milliard : infrastructures, prix abordables, contenus locaux." },
    es: { title: "Acceso", description: "Conectar a los próximos mil millones: infraestructura, asequibilidad, contenidos locales." },
  },
  diversity: {
    fr: { title: "Diversité", description: "Multilinguisme, noms de domaine internationalisés et contenus locaux." },
    es: { title: "Diversidad", description: "Multilingüismo, nombres de dominio internacionalizados y contenidos locales." },
  },
  openness: {
    fr: { title: "Ouverture", description: "Liberté d’expression, libre circulation de l’information et accès au savoir." },
    es: { title: "Apertura", description: "Libertad de expresión, libre circulación de la información y acceso al conocimiento." },
  },
  security: {
    fr: { title: "Sécurité", description: "Confiance, cybersécurité, spam et protection des utilisateurs." },
    es: { title: "Seguridad", description: "Confianza, ciberseguridad, spam y protección de los usuarios." },
  },
};

const DRAFT_TITLE = { fr: "Projet de programme de la réunion annuelle", es: "Proyecto de programa de la reunión anual" };

export async function seedLanguages(db: PrismaClient): Promise<void> {
  const consultation = await db.consultation.findUnique({ where: { slug: "igf-preparatory-round" }, include: { themes: true, drafts: true } });
  if (!consultation) return;
  const hash = fingerprintOf(consultation, ["title", "summary", "description"]);
  for (const language of ["fr", "es"] as const) {
    await db.consultationTranslation.upsert({
      where: { consultationId_language: { consultationId: consultation.id, language } },
      update: {},
      create: { consultationId: consultation.id, language, ...CONSULTATION[language], sourceHash: hash },
    });
    for (const theme of consultation.themes) {
      const text = THEMES[theme.slug]?.[language];
      if (!text) continue;
      await db.themeTranslation.upsert({
        where: { themeId_language: { themeId: theme.id, language } },
        update: {},
        create: { themeId: theme.id, language, ...text, sourceHash: fingerprintOf(theme, ["title", "description"]) },
      });
    }
    const draft = consultation.drafts.find((d) => d.slug === "draft-programme");
    if (draft) {
      await db.draftTranslation.upsert({
        where: { draftId_language: { draftId: draft.id, language } },
        update: {},
        create: { draftId: draft.id, language, title: DRAFT_TITLE[language], sourceHash: fingerprintOf(draft, ["title"]) },
      });
    }
  }
}
