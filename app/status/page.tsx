import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicStatus } from "@/lib/incidents/status-page";
import { PublicStatusView } from "@/components/incidents/public-status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status" };

/** The public status page: no session; off (404) until an admin enables it in Settings → Status page. */
export default async function StatusPage() {
  const status = await getPublicStatus();
  if (!status) notFound();
  return <PublicStatusView status={status} />;
}
