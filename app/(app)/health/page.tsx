import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Health" };

export default function HealthPage() {
  return <SectionPlaceholder href="/health" />;
}
