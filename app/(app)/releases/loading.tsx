import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function ReleasesLoading() {
  return <PageSkeleton label="Loading releases…" blocks={1} />;
}
