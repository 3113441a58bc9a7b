import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not allowed" };

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  const needs = need === "admin" || need === "maintainer" ? `the ${need} role` : "a higher role";
  return (
    <>
      <PageHeader title="Not allowed" description={`This page needs ${needs}. Ask an admin if you need access.`} />
      <Link href="/today" className={buttonClass("secondary")}>
        Back to Today
      </Link>
    </>
  );
}
