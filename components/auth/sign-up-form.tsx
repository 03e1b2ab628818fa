"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, describedBy, inputClass } from "@/components/ui/field";
import { ProfileFields, type Option } from "@/components/profile/profile-fields";

type ActionResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; params?: Record<string, string | number> };

interface Props {
  action: (formData: FormData) => Promise<ActionResult>;
  callbackUrl: string;
  groups: Option[];
  countries: Option[];
  genders: Option[];
}

export function SignUpForm({ action, callbackUrl, groups, countries, genders }: Props) {
  const t = useTranslations();
  /** Set once the form is accepted: the address the message went to. */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState({ name: "", individual: false, organisation: "", stakeholderGroup: "", country: "", gender: "" });
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setValues({
      name: String(form.get("name") ?? ""),
      individual: form.get("individual") === "on",
      organisation: String(form.get("organisation") ?? ""),
      stakeholderGroup: String(form.get("stakeholderGroup") ?? ""),
      country: String(form.get("country") ?? ""),
      gender: String(form.get("gender") ?? ""),
    });
    setPending(true);
    setFormError(null);
    let result: ActionResult;
    try {
      result = await action(form);
    } catch {
      result = { ok: false, error: "generic" };
    }
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setFormError(
        result.error === "throttled"
          ? t("accounts.errors.throttled", { minutes: Number(result.params?.minutes ?? 1) })
          : t(`errors.${result.error === "invalidInput" ? "invalidInput" : "generic"}`),
      );
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    // The same answer whether the address was new or already had an account (its owner got an e-mail instead):
    // signing in here at once would tell which. The person signs in from the sign-in page like anyone else.
    setSentTo(String(form.get("email") ?? "").trim());
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  // Keys with a dot are full keys (accounts.strength.*: why a password is too easy to guess).
  const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v?.map((key) => (key.includes(".") ? t(key as never) : t(`errors.${key}`)))]));
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);

  if (sentTo !== null) {
    const next = callbackUrl === "/" ? "/profile?welcome=1" : callbackUrl;
    return (
      <section role="status" aria-labelledby="signup-done" className="space-y-3 rounded border border-green-700 bg-green-50 p-4 text-green-900">
        <h2 id="signup-done" ref={doneRef} tabIndex={-1} className="text-xl font-semibold">{t("accounts.signUpDone.title")}</h2>
        <p>{t("accounts.signUpDone.body", { address: sentTo })}</p>
        <p>{t("accounts.signUpDone.next")}</p>
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(next)}`} className={buttonClass}>{t("accounts.signUpDone.signIn")}</Link>
        </p>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? (
        <div ref={alertRef} tabIndex={-1}>
          <FormAlert>{formError}</FormAlert>
        </div>
      ) : null}
      <Field name="email" label={t("auth.email")} errors={translated.email}>
        <input id="email" name="email" type="email" autoComplete="email" required className={inputClass}
          aria-invalid={invalid("email")} aria-describedby={describedBy("email", false, !!invalid("email"))} />
      </Field>
      <Field name="password" label={t("auth.password")} hint={t("auth.passwordHint")} errors={translated.password}>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass}
          aria-invalid={invalid("password")} aria-describedby={describedBy("password", true, !!invalid("password"))} />
      </Field>
      <fieldset className="space-y-4 rounded border border-stone-200 p-4">
        <legend className="px-1 font-semibold">{t("auth.aboutYou")}</legend>
        <p className="text-sm text-stone-700">{t("auth.aboutYouHint")}</p>
        <ProfileFields key={JSON.stringify(values)} values={values} errors={translated} groups={groups} countries={countries} genders={genders} />
      </fieldset>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("auth.signingUp") : t("auth.signUp")}
      </button>
    </form>
  );
}
