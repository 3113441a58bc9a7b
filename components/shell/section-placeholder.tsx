import { SECTIONS } from "@/lib/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

/** An honest empty state for a section whose feature is not built yet: no sample numbers. */
export function SectionPlaceholder({ href }: { href: string }) {
  const section = SECTIONS.find((s) => s.href === href);
  if (!section) throw new Error(`Unknown section ${href}`);
  return (
    <>
      <PageHeader title={section.label} description={section.summary} />
      <EmptyState title="Nothing to show yet">
        <p>{section.next}</p>
        <p className="mt-2">Until then this page stays empty rather than showing made-up numbers.</p>
      </EmptyState>
    </>
  );
}
