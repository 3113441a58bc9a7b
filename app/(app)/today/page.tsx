import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { SetupPanel } from "@/components/setup/setup-panel";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const user = await requireUser();
  return (
    <>
      <SetupPanel onlyWhileIncomplete canConfigure={user.role === "admin"} />
      <SectionPlaceholder href="/today" />
    </>
  );
}
