"use client";
import { useState } from "react";
import { THEME_COOKIE, type Theme } from "@/lib/theme";

const ORDER: Theme[] = ["system", "light", "dark"];

export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function cycle() {
    const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length]!;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.classList.remove(...ORDER);
    document.documentElement.classList.add(next);
    setTheme(next);
  }
  return (
    <button
      type="button"
      onClick={cycle}
      className="rounded-md px-2 py-1 text-xs text-neutral-600 hover:bg-neutral-100 dark:text-neutral-400 dark:hover:bg-neutral-800"
      aria-label={`Colour theme: ${theme}. Change theme`}
    >
      Theme: {theme}
    </button>
  );
}
