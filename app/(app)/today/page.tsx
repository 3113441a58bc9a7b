import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata: Metadata = { title: "Today" };

export default function TodayPage() {
  return <SectionPlaceholder href="/today" />;
}
