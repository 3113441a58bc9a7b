import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/current";
import { THEME_COOKIE, Theme } from "@/lib/theme";
import { getEnv } from "@/lib/env";
import { AppShell } from "@/components/shell/app-shell";
import { Providers } from "@/components/providers";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const theme = Theme.parse((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <Providers>
      <AppShell user={user} theme={theme} demo={getEnv().STEWARD_DEMO}>
        {children}
      </AppShell>
    </Providers>
  );
}
