import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function HealthLoading() {
  return <PageSkeleton label="Loading health targets…" />;
}
