import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function IncidentsLoading() {
  return <PageSkeleton label="Loading incidents…" blocks={4} grid />;
}
