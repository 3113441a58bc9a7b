import Link from "next/link";
import type { ZodError } from "zod";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A Metrics page whose URL filters did not parse: what was wrong, and a link to the default view. */
export function InvalidFilters({ title, href, error }: { title: string; href: string; error: ZodError }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title="These filters are not valid"
        action={
          <Link href={href} className="text-sky-700 underline dark:text-sky-400">
            Show the last month
          </Link>
        }
      >
        {error.issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("; ")}
      </EmptyState>
    </>
  );
}
