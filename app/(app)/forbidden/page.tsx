import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  const role = need === "admin" || need === "maintainer" ? need : "a higher";
  return (
    <>
      <PageHeader title="Not allowed" description={`This page needs the ${role} role. Ask an admin if you need access.`} />
      <Link href="/today" className={buttonClass("secondary")}>Back to Today</Link>
    </>
  );
}
