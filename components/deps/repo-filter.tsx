import { buttonClass } from "@/components/ui/button";
import type { RepoChoice } from "@/lib/deps/view";

/** A plain GET form: the filter lives in the URL (?repo=owner/name) and works without JavaScript. */
export function RepoFilter({
  action,
  repositories,
  selected,
  allowAll = true,
}: {
  action: string;
  repositories: RepoChoice[];
  selected: string | null;
  allowAll?: boolean;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2" role="search">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Repository</span>
        <select
          name="repo"
          defaultValue={selected ?? ""}
          className="min-w-56 rounded border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
        >
          {allowAll && <option value="">All repositories</option>}
          {repositories.map((r) => (
            <option key={r.id} value={`${r.owner}/${r.name}`}>
              {r.owner}/{r.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}
