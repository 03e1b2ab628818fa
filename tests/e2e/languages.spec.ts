// Content and interface in French, Spanish and Arabic: readers get the secretariat's translation when there is one,
// else the original with a "not yet translated" marker; language names in the reader's language; the site pages in
// the footer; the secretariat's translation editor. Axe on every page visited.
import type { BrowserContext } from "@playwright/test";
import { demoAccount, expect, signIn, test } from "./fixtures.ts";

const SLUG = "igf-preparatory-round";

// Journeys of many pages, each scanned with axe: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function useLanguage(context: BrowserContext, baseURL: string | undefined, locale: string): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://127.0.0.1" }]);
}

test("in French: the open consultation, its themes and its feed in French; the help page from the footer", async ({ page, context, baseURL, axe, request }) => {
  await useLanguage(context, baseURL, "fr");
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Consultation préparatoire à la réunion annuelle du FGI" }) });
  await expect(card).toBeVisible();
  await expect(card.getByText(/Contributions jusqu’au/)).toBeVisible();
  await axe();

  await card.getByRole("link", { name: "Consultation préparatoire à la réunion annuelle du FGI" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultation préparatoire à la réunion annuelle du FGI" })).toHaveAttribute("dir", "auto");
  await expect(page.locator("[data-translation-notice]")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Thèmes" })).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/consultations\/igf-preparatory-round\/feed\.xml$/);
  await axe();

  // A theme card opens the contributions on that theme.
  await page.getByRole("link", { name: "Accès", exact: true }).click();
  await expect(page).toHaveURL(/\/contributions\?theme=access$/);
  await expect(page.getByLabel("Thème", { exact: true })).toHaveValue("access");
  await axe();

  const feed = await request.get(`/consultations/${SLUG}/feed.xml?lang=fr`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<title type=\"text\">Consultation préparatoire à la réunion annuelle du FGI</title>");
  const api = await request.get(`/api/v1/consultations/${SLUG}`, { headers: { "accept-language": "fr-FR,fr;q=0.9" } });
  expect(await api.json()).toMatchObject({ title: "Consultation préparatoire à la réunion annuelle du FGI", language: "fr", originalLanguage: "en", translated: true });

  // The draft's title is translated, its text not yet: said so, never a silent mix.
  await page.goto(`/consultations/${SLUG}/drafts/draft-programme`);
  await expect(page.getByRole("heading", { level: 1, name: "Projet de programme de la réunion annuelle" })).toHaveAttribute("lang", "fr");
  await expect(page.locator("[data-translation-notice='untranslated']")).toContainText("Pas encore traduit en français");
  await axe();

  await page.getByRole("contentinfo").getByRole("link", { name: "Aide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aide" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contribuer" })).toBeVisible();
  await axe();
});

test("in Spanish: the consultation in Spanish, filters with language names in Spanish, no empty parameters; privacy and terms", async ({ page, context, baseURL, axe }) => {
  await useLanguage(context, baseURL, "es");
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1, name: "Consulta preparatoria de la reunión anual del IGF" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Acceso", exact: true })).toBeVisible();
  await axe();

  await page.goto(`/consultations/${SLUG}/contributions`);
  await expect(page.getByRole("heading", { level: 1, name: /Consulta preparatoria de la reunión anual del IGF/ })).toBeVisible();
  const languages = page.getByRole("search").getByLabel("Idioma", { exact: true }).locator("option");
  await expect(languages).toContainText(["francés"]);
  await expect(languages.filter({ hasText: /^fr$/ })).toHaveCount(0);
  await page.getByRole("search").getByLabel("Idioma", { exact: true }).selectOption({ label: "francés" });
  await page.getByRole("button", { name: "Aplicar" }).click();
  await expect(page).toHaveURL(/\/contributions\?language=fr$/);
  await expect(page.getByRole("link", { name: "Les coupures d’Internet menacent la liberté d’expression" })).toBeVisible();
  await axe();

  await page.getByRole("contentinfo").getByRole("link", { name: "Aviso de privacidad" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aviso de privacidad" })).toBeVisible();
  await axe();
  await page.getByRole("contentinfo").getByRole("link", { name: "Condiciones de participación" }).click();
  await expect(page.getByRole("heading", { name: "Moderación" })).toBeVisible();
  await axe();

  // A visitor sent to sign in by "Write a contribution" is told why.
  await page.goto(`/consultations/${SLUG}/contribute`);
  await expect(page.getByTestId("sign-in-why")).toContainText("Inicie sesión para escribir una contribución");
  await axe();
});

test("in Arabic: right to left, the untranslated original marked and isolated; the accessibility statement", async ({ page, context, baseURL, axe }) => {
  await useLanguage(context, baseURL, "ar");
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const title = page.getByRole("heading", { level: 1, name: "Preparatory consultation for the annual IGF meeting" });
  await expect(title).toBeVisible();
  await expect(page.locator("article > header [lang='en']").first()).toContainText("Preparatory consultation");
  await expect(page.locator("[data-translation-notice='untranslated']").first()).toHaveText("لم يُترجم بعد إلى العربية: يُعرض باللغة الأصلية، الإنجليزية.");
  await expect(page.getByRole("heading", { name: "المواضيع" })).toBeVisible();
  await axe();

  await page.goto(`/consultations/${SLUG}/contributions`);
  // Latin references, names and dates on an Arabic page: each isolated.
  const card = page.locator("article").first();
  await expect(card.locator("bdi.font-mono")).toHaveText(/^IGF-/);
  await axe();

  await page.getByRole("contentinfo").getByRole("link", { name: "بيان إمكانية الوصول" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "بيان إمكانية الوصول" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "الإبلاغ عن عائق" })).toBeVisible();
  await axe();
});

test("the secretariat translates a consultation into Arabic in the editor; Arabic readers then see it", async ({ page, browser, baseURL, axe }) => {
  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  // After sign-in without a destination, the secretariat lands on its queue.
  await expect(page).toHaveURL(/\/secretariat$/);
  await page.goto("/secretariat/consultations/call-for-workshop-proposals");
  await page.getByRole("link", { name: "Translations", exact: true }).click();
  const tabs = page.getByRole("navigation", { name: "Languages" });
  await expect(tabs.getByText("English · original")).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Arabic · missing" })).toBeVisible();
  await axe();

  await tabs.getByRole("link", { name: "Arabic · missing" }).click();
  await expect(page.getByRole("heading", { name: "Translation into Arabic" })).toBeVisible();
  // Sent without its required fields: errors next to them, nothing saved.
  await page.getByRole("button", { name: "Save the Arabic translation" }).click();
  await expect(page.getByText("Give the title.")).toBeVisible();
  await page.getByLabel("Title").fill("دعوة إلى تقديم مقترحات حلقات العمل");
  await page.getByLabel("Summary").fill("تُفتح بعد تحديد البرنامج.");
  await page.getByLabel("Description").fill("ستُدعى الجهات المعنية إلى اقتراح حلقات عمل للاجتماع السنوي.");
  await page.getByRole("button", { name: "Save the Arabic translation" }).click();
  await expect(page.getByText("The Arabic translation is saved; readers of Arabic now see it.")).toBeVisible();
  await axe();
  await page.reload();
  await expect(tabs.getByRole("link", { name: "Arabic · translated" })).toBeVisible();

  const reader = await browser.newContext();
  await useLanguage(reader, baseURL, "ar");
  const arabic = await reader.newPage();
  await arabic.goto("/consultations/call-for-workshop-proposals");
  await expect(arabic.getByRole("heading", { level: 1, name: "دعوة إلى تقديم مقترحات حلقات العمل" })).toBeVisible();
  await expect(arabic.locator("[data-translation-notice]")).toHaveCount(0);
  await reader.close();
});
