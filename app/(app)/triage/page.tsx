import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Triage" };

export default function TriagePage() {
  return <SectionPlaceholder href="/triage" />;
}
