import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <PageHeader
        title="Page not found"
        description="There is nothing at this address. It may have been removed, or the link is mistyped."
      />
      <Link href="/today" className={buttonClass("secondary")}>
        Go to Today
      </Link>
    </>
  );
}
