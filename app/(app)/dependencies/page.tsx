import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Dependencies" };

export default function DependenciesPage() {
  return <SectionPlaceholder href="/dependencies" />;
}
