import type { Metadata } from "next";
import { cookies } from "next/headers";
import { THEME_COOKIE, Theme } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "steward", template: "steward · %s" },
  description: "Operations dashboard for software maintainers",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = Theme.parse((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme}>
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        {children}
      </body>
    </html>
  );
}
