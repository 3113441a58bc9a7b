import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Incidents" };

export default function IncidentsPage() {
  return <SectionPlaceholder href="/incidents" />;
}
