import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function DependenciesLoading() {
  return <PageSkeleton label="Loading dependencies…" blocks={1} />;
}
