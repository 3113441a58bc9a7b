// The one TanStack Query client factory: the browser provider and every server prefetch use the same defaults.
import { isServer, QueryClient } from "@tanstack/react-query";

/** 30 s fresh (so hydrated data is not refetched at once); one retry in the browser, none while rendering on the server. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: isServer ? false : 1, refetchOnWindowFocus: true },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server request; one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
