"use client";
import { CheckboxField } from "@/components/ui/field";
import type { FormBinding } from "./target-form-sections";

/** Which secrets the target has stored (encrypted; their values never reach the browser), and how to replace them. */
export function StoredSecrets({ bind }: { bind: FormBinding }) {
  const { secretsSet, forgetSecrets } = bind.values;
  const items = [
    ...(secretsSet.urlCredentials ? ["credentials in the URL"] : []),
    ...(secretsSet.urlQuery ? ["the URL's query string"] : []),
    ...secretsSet.headers.map((h) => `header ${h}`),
  ];
  if (items.length === 0) return null;
  return (
    <div
      className="rounded-md border border-neutral-300 p-3 text-sm md:col-span-2 dark:border-neutral-700"
      data-testid="stored-secrets"
    >
      <p className="font-medium">Stored encrypted, shown only as set</p>
      <ul className="mt-1 list-disc pl-5 text-neutral-700 dark:text-neutral-300">
        {items.map((item) => (
          <li key={item}>
            {item}: <span className="font-medium">set</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-neutral-500 dark:text-neutral-400">
        To replace one, type it again: a URL with new credentials or query, or a header line with a value. A header line
        left as “Name:” keeps its stored value.
      </p>
      <div className="mt-2">
        <CheckboxField
          id="target-forgetSecrets"
          label="Forget the stored secrets I have not typed again"
          checked={forgetSecrets}
          onChange={(e) => bind.set("forgetSecrets", e.target.checked)}
        />
      </div>
    </div>
  );
}
