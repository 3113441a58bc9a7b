import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-sky-600 dark:border-neutral-700 dark:bg-neutral-900";

type FieldProps = { label: string; error?: string; hint?: string };

export function TextField({ label, error, hint, id, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} {...props} />
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-neutral-500 dark:text-neutral-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}

export function SelectField({ label, id, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select id={id} className={inputClass} {...props}>{children}</select>
    </div>
  );
}
