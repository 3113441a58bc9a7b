import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Metrics" };

export default function MetricsPage() {
  return <SectionPlaceholder href="/kpis" />;
}
