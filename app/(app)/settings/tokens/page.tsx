import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TokensPanel } from "@/components/settings/tokens-panel";

export const metadata: Metadata = { title: "Settings · API tokens" };

export default async function TokensPage() {
  await requireRole("admin");
  return (
    <>
      <PageHeader
        title="Settings"
        description="Tokens let scripts and CI call steward's API: Authorization: Bearer stw_…"
      />
      <SettingsNav current="/settings/tokens" isAdmin />
      <TokensPanel tokens={await listApiTokens()} />
    </>
  );
}
