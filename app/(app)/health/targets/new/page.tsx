import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { emptyFormValues } from "@/lib/health/targets/target-form";
import { TargetForm } from "@/components/health/target-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Health · Add target" };

export default async function NewTargetPage() {
  await requireRole("admin");
  return (
    <>
      <PageHeader
        title="Add a health target"
        description="steward checks it right away, then every interval, and judges it against the runbook's thresholds."
      />
      <TargetForm mode="create" initial={emptyFormValues()} />
    </>
  );
}
