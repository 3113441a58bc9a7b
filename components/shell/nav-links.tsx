"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Section } from "@/lib/navigation";

export function NavLinks({ sections }: { sections: Pick<Section, "href" | "label">[] }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {sections.map((section) => {
        const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200"
                  : "text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800"
              }`}
            >
              {section.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
