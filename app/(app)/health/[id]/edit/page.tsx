import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth/current";
import { toFormValues } from "@/lib/health/targets/target-form";
import { findHealthTarget, toAdminTarget } from "@/lib/health/targets/targets";
import { DeleteTarget } from "@/components/health/delete-target";
import { TargetForm } from "@/components/health/target-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireRole("admin");
  const { id } = await params;
  const target = z.uuid().safeParse(id).success ? await findHealthTarget(id) : null;
  return { title: target ? `Health · ${target.name} · Edit` : "Health" };
}

export default async function EditTargetPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("admin");
  const { id } = await params;
  const target = z.uuid().safeParse(id).success ? await findHealthTarget(id) : null;
  if (!target) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${target.name}`}
        description="A changed check, interval or on/off switch takes effect at once: the target is checked again right after saving."
      />
      <TargetForm mode="edit" targetId={id} initial={toFormValues(toAdminTarget(target))} />
      <DeleteTarget id={id} name={target.name} />
    </>
  );
}
