// A labelled <select> for GET filter forms, with an "all" choice first. Options come as children.
import type { ReactNode } from "react";
import { inputClass } from "./field";

interface Props {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  defaultValue: string;
  children: ReactNode;
}

export function FilterSelect({ id, name, label, allLabel, defaultValue, children }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className={inputClass}>
        <option value="">{allLabel}</option>
        {children}
      </select>
    </div>
  );
}
