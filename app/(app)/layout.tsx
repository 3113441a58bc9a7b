import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/current";
import { THEME_COOKIE, Theme } from "@/lib/theme";
import { getEnv } from "@/lib/env";
import { AppShell } from "@/components/shell/app-shell";
import { Providers } from "@/components/providers";
import { getTeamTimeZone } from "@/lib/time/team-zone";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [theme, timeZone] = await Promise.all([
    cookies().then((c) => Theme.parse(c.get(THEME_COOKIE)?.value)),
    getTeamTimeZone(),
  ]);
  return (
    <Providers timeZone={timeZone}>
      <AppShell user={user} theme={theme} demo={getEnv().STEWARD_DEMO}>
        {children}
      </AppShell>
    </Providers>
  );
}
