import { CHECK_IDS } from "@/lib/runbooks/checks/ids";
import { CHECK_DEFINITIONS } from "@/lib/runbooks/checks/definitions";

/** Choose the live check bound to an item ("none" = ticked by a person). */
export function CheckSelect({
  id,
  value,
  onChange,
  label,
  disabled,
}: {
  id: string;
  value: string | null;
  onChange: (v: string | null) => void;
  label: string;
  disabled?: boolean;
}) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        disabled={disabled}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        className="max-w-56 rounded border border-neutral-300 bg-white px-1 py-0.5 text-xs dark:border-neutral-700 dark:bg-neutral-900"
      >
        <option value="">no live check (manual)</option>
        {CHECK_IDS.map((c) => (
          <option key={c} value={c}>
            {CHECK_DEFINITIONS[c].label}
          </option>
        ))}
      </select>
    </>
  );
}
