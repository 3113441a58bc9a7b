import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function TriageLoading() {
  return <PageSkeleton label="Loading the triage queue…" />;
}
