// Form field primitives: a label, the control, an optional hint and the errors, wired with aria attributes.
import type { ReactNode } from "react";

export function fieldIds(name: string) {
  return { hint: `${name}-hint`, error: `${name}-error` };
}

export function describedBy(name: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? fieldIds(name).hint : null, hasError ? fieldIds(name).error : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldErrors({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={fieldIds(name).error} className="mt-1 text-sm text-red-800">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function Field(props: { name: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.name} className="font-medium">
        {props.label}
      </label>
      {props.hint ? (
        <p id={fieldIds(props.name).hint} className="text-sm text-stone-700">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldErrors name={props.name} errors={props.errors} />
    </div>
  );
}

export const inputClass =
  "w-full rounded border border-stone-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

export const buttonClass =
  "inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";

export function FormAlert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "success" }) {
  const style = tone === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border-s-4 px-4 py-3 ${style}`}>
      {children}
    </div>
  );
}
