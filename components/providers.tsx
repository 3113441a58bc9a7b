"use client";
import "@/lib/zod-browser";
import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query-client";
import { TimeZoneProvider } from "@/components/ui/time";

/** Client-side context for every signed-in page: the shared query client and the team's time zone. */
export function Providers({ timeZone = "UTC", children }: { timeZone?: string; children: React.ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>
    </QueryClientProvider>
  );
}
