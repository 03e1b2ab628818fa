// Foundation journeys: browse, sign up, sign in/out, profile, language switch, consultation admin. Axe on every page.
import { demoAccount, expect, openAccountMenu, signIn, signOut, test } from "./fixtures.ts";

test("a visitor browses open consultations and a consultation's themes and timeline", async ({ page, axe }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Open now" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: "Preparatory consultation for the annual IGF meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Preparatory consultation for the annual IGF meeting" })).toBeVisible();
  const themes = page.getByRole("region", { name: "Themes" });
  for (const theme of ["Critical Internet resources", "Access", "Diversity", "Openness", "Security"]) {
    await expect(themes.getByRole("heading", { name: theme })).toBeVisible();
  }
  await expect(page.getByRole("complementary", { name: "Timeline" }).getByText("Written contributions")).toBeVisible();
  await axe();
});

test("an unknown consultation is a clear 404", async ({ page, axe }) => {
  const response = await page.goto("/consultations/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await axe();
});

test("a newcomer signs up, sees errors next to the fields, then edits the profile and signs out", async ({ page, axe }) => {
  await page.goto("/signup");
  await axe();
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Please correct the fields marked below.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByText("The password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await axe();

  const email = `newcomer-${Date.now()}@example.org`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("seven rivers under moonlight");
  await page.getByLabel("Display name").fill("Kofi Mensah");
  await page.getByLabel("Organisation", { exact: true }).fill("Ghana Internet Society");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Civil society" });
  await page.getByLabel("Country").selectOption("GH");
  await page.getByRole("button", { name: "Create account" }).click();
  const done = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Check your inbox" }) });
  await expect(done.getByText(`We sent a message to ${email}.`)).toBeVisible();
  await axe();
  await done.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("seven rivers under moonlight");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/profile\?welcome=1/);
  await expect(page.getByText("Welcome to Agora. Your account is ready.")).toBeVisible();
  await expect(page.getByText("UN regional group: African Group")).toBeVisible();
  await axe();

  await page.getByLabel("Display name").fill("Kofi A. Mensah");
  await page.getByLabel("I take part as an individual, not for an organisation").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Kofi A. Mensah");
  await expect(page.getByLabel("I take part as an individual, not for an organisation")).toBeChecked();

  await signOut(page);

  // Signing up again with the address gives the same answer (nobody learns that it has an account); its owner is
  // told by e-mail instead, and nothing about the account changes.
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("seven rivers under moonlight");
  await page.getByLabel("Display name").fill("Someone");
  await page.getByLabel("I take part as an individual, not for an organisation").check();
  await page.getByLabel("Stakeholder group").selectOption({ label: "Academic community" });
  await page.getByLabel("Country").selectOption("FR");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(done.getByText(`We sent a message to ${email}.`)).toBeVisible();
  await signIn(page, email, "seven rivers under moonlight");
  await page.goto("/profile");
  await expect(page.getByLabel("Display name")).toHaveValue("Kofi A. Mensah");
});

test("a wrong password is refused with a message; the right one signs in", async ({ page, axe }) => {
  const { email, password } = demoAccount("PARTICIPANT");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not correct." })).toBeVisible();
  await axe();
  await signIn(page, email, password);
  await openAccountMenu(page);
  await expect(page.getByText("Signed in as Priya Participant").filter({ visible: true })).toBeVisible();
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await axe();
});

test("the profile page asks anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)profile/);
});

test("the language switcher offers the six UN languages and keeps the reader on the same page; Arabic is right to left", async ({ page, axe }) => {
  await page.goto("/consultations/igf-preparatory-round");
  const switchTo = async (current: string, target: string) => {
    await page.getByText(current, { exact: true }).first().click();
    await page.getByRole("button", { name: target, exact: true }).click();
  };
  await page.getByText("English", { exact: true }).first().click();
  const languages = page.getByRole("form", { name: "Change language" }).getByRole("button");
  await expect(languages).toHaveText(["العربية", "中文", "English", "Français", "Русский", "Español"]);
  await page.getByRole("button", { name: "Français", exact: true }).click();
  await expect(page).toHaveURL(/\/consultations\/igf-preparatory-round$/);
  await expect(page.getByRole("heading", { name: "Thèmes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await axe();
  await switchTo("Français", "Español");
  await expect(page.getByRole("heading", { name: "Temas" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await switchTo("Español", "Русский");
  await expect(page.getByRole("heading", { name: "Темы" })).toBeVisible();
  await switchTo("Русский", "中文");
  await expect(page.getByRole("heading", { name: "主题" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await axe();
  await switchTo("中文", "العربية");
  await expect(page.getByRole("heading", { name: "المواضيع" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page).toHaveURL(/\/consultations\/igf-preparatory-round$/);
  await axe();
  await switchTo("العربية", "English");
  await expect(page.getByRole("heading", { name: "Themes" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("the secretariat creates a consultation with themes; participants cannot reach the admin", async ({ page, axe }) => {
  const participant = demoAccount("PARTICIPANT");
  await signIn(page, participant.email, participant.password);
  await page.goto("/secretariat/consultations");
  await expect(page.getByRole("heading", { name: "Secretariat only" })).toBeVisible();
  await signOut(page);

  const secretariat = demoAccount("SECRETARIAT");
  await signIn(page, secretariat.email, secretariat.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Secretariat" }).click();
  await page.getByRole("navigation", { name: "Secretariat sections" }).getByRole("link", { name: "Consultations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: "New consultation" }).click();
  await axe();
  await page.getByLabel("Title").fill("Youth engagement round");
  await page.getByLabel("Address (slug)").fill("Bad Slug!");
  await page.getByLabel("Description").fill("How should young people shape the **programme**?");
  await page.getByLabel("Contributions open (UTC)").fill("2026-01-01T09:00");
  await page.getByLabel("Contributions close (UTC)").fill("2025-12-01T09:00");
  await page.getByRole("button", { name: "Create consultation" }).click();
  await expect(page.getByText("Use 3 to 80 lower-case letters, digits and single hyphens.")).toBeVisible();
  await expect(page.getByText("The closing date must be after the opening date.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Youth engagement round");

  await page.getByLabel("Address (slug)").fill("youth-engagement");
  await page.getByLabel("Contributions close (UTC)").fill("2099-12-01T09:00");
  await page.getByLabel("Status").selectOption({ label: "Published" });
  await page.getByRole("button", { name: "Create consultation" }).click();
  await expect(page).toHaveURL(/\/secretariat\/consultations\/youth-engagement\?created=1/);
  await expect(page.getByText("The consultation has been created. Add its themes below.")).toBeVisible();
  await page.getByLabel("Theme title").last().fill("Education");
  await page.getByLabel("Theme address (slug)").last().fill("education");
  await page.getByRole("button", { name: "Add a theme" }).click();
  await expect(page.getByText("Theme added.")).toBeVisible();
  await axe();

  await page.goto("/consultations/youth-engagement");
  await expect(page.getByRole("heading", { name: "Youth engagement round" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Themes" }).getByRole("heading", { name: "Education" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "programme" })).toBeVisible();
});
