import Link from "next/link";
import { SECTIONS } from "@/lib/navigation";
import type { SessionUser } from "@/lib/auth/sessions";
import type { Theme } from "@/lib/theme";
import { NavLinks } from "@/components/shell/nav-links";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Badge } from "@/components/ui/badge";

export function AppShell({ user, theme, demo, children }: { user: SessionUser; theme: Theme; demo: boolean; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-neutral-900">
        Skip to content
      </a>
      <aside className="border-b border-neutral-200 bg-neutral-50 md:w-60 md:shrink-0 md:border-b-0 md:border-r dark:border-neutral-800 dark:bg-neutral-900/40">
        <div className="flex items-center justify-between px-4 py-4">
          <Link href="/today" className="text-lg font-semibold tracking-tight">steward</Link>
          {demo && <Badge tone="amber">demo data</Badge>}
        </div>
        <nav aria-label="Main" className="px-2 pb-4">
          <NavLinks sections={SECTIONS.map(({ href, label }) => ({ href, label }))} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-neutral-200 px-6 py-3 text-sm dark:border-neutral-800">
          <ThemeToggle initial={theme} />
          <span className="text-neutral-600 dark:text-neutral-400">
            <span className="font-medium text-neutral-900 dark:text-neutral-100">{user.displayName}</span> · {user.role}
          </span>
          <form action="/api/auth/logout" method="post">
            <button type="submit" className="rounded-md px-2 py-1 text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800">
              Sign out
            </button>
          </form>
        </header>
        <main id="main" className="flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
