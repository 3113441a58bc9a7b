"use client";
import { usePathname } from "next/navigation";
import { createContext, useContext, useState } from "react";

// Below 768 px the navigation folds behind a menu button; this holds whether it is open.
const NavOpen = createContext<{ open: boolean; setOpen: (open: boolean) => void }>({ open: false, setOpen: () => {} });

export function NavStateProvider({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  // Following a link closes the menu (adjusting state while rendering, as React recommends over an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return <NavOpen.Provider value={{ open, setOpen }}>{children}</NavOpen.Provider>;
}

/** The phone-only button that shows or hides the navigation. */
export function MenuButton() {
  const { open, setOpen } = useContext(NavOpen);
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls="app-nav"
      onClick={() => setOpen(!open)}
      className="inline-flex items-center gap-2 rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium md:hidden dark:border-neutral-700"
    >
      <span aria-hidden="true" className="text-base leading-none">
        {open ? "✕" : "☰"}
      </span>
      Menu
    </button>
  );
}

/** The sidebar on wide screens; on phones a panel under the header, shown while the menu is open. */
export function NavPanel({ children }: { children: React.ReactNode }) {
  const { open, setOpen } = useContext(NavOpen);
  return (
    <div
      id="app-nav"
      onKeyDown={(e) => {
        if (e.key === "Escape") setOpen(false);
      }}
      className={`${open ? "block" : "hidden"} border-b border-neutral-200 bg-neutral-50 md:block md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-neutral-800 dark:bg-neutral-900/40`}
    >
      {children}
    </div>
  );
}
