import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { countUsers } from "@/lib/users/queries";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Welcome" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if ((await countUsers()) > 0) redirect("/login");
  return <SetupForm error={(await searchParams).error} />;
}
