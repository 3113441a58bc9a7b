import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current";
import { countUsers } from "@/lib/users/queries";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = { error?: string; username?: string; retry?: string; next?: string; signedOut?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  if ((await countUsers()) === 0) redirect("/setup");
  if (await getCurrentUser()) redirect("/today");
  return <LoginForm {...await searchParams} />;
}
