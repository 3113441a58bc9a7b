import Link from "next/link";

const TABS = [
  { href: "/settings", label: "System" },
  { href: "/settings/repositories", label: "Repositories" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/triage", label: "Triage", admin: true },
  { href: "/settings/users", label: "Users", admin: true },
  { href: "/settings/tokens", label: "API tokens", admin: true },
  { href: "/settings/notifications", label: "Notifications", admin: true },
  { href: "/settings/incidents", label: "Incidents", admin: true },
  { href: "/settings/status-page", label: "Status page", admin: true },
  { href: "/settings/audit", label: "Audit log", admin: true },
];

export function SettingsNav({ current, isAdmin }: { current: string; isAdmin: boolean }) {
  return (
    <nav
      aria-label="Settings"
      className="mb-6 flex flex-wrap gap-x-1 border-b border-neutral-200 dark:border-neutral-800"
    >
      {TABS.filter((t) => isAdmin || !t.admin).map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${tab.href === current ? "border-sky-600 text-sky-800 dark:text-sky-300" : "border-transparent text-neutral-600 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
