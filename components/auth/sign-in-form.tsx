"use client";
import { useState, useRef } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { throttledRetryAfter } from "@/lib/auth/throttle";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const ta = useTranslations("accounts.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      const wait = throttledRetryAfter(result?.error);
      // Refused by the throttle: say when to try again (local time of this browser, and minutes from now).
      setError(
        wait === null
          ? t("invalidCredentials")
          : ta("throttled", { minutes: Math.max(1, Math.ceil(wait / 60)), time: new Date(Date.now() + wait * 1000) }),
      );
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <div ref={alertRef} tabIndex={-1}>
          <FormAlert>{error}</FormAlert>
        </div>
      ) : null}
      <Field name="email" label={t("email")}>
        <input id="email" name="email" type="email" autoComplete="email" required className={inputClass} />
      </Field>
      <Field name="password" label={t("password")}>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
