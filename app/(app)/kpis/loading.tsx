import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function MetricsLoading() {
  return <PageSkeleton label="Loading metrics…" />;
}
