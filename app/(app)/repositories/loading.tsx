import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function RepositoriesLoading() {
  return <PageSkeleton label="Loading repositories…" blocks={1} />;
}
