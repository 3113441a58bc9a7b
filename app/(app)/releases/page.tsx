import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Releases" };

export default function ReleasesPage() {
  return <SectionPlaceholder href="/releases" />;
}
