"use client";
// Client-side providers for the whole app. Live data arrives over Socket.IO; queries cover the rest.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Clinical lists change, but not every second: 15 s avoids refetch storms on remounts.
        staleTime: 15_000,
        // A nurse returning to the workstation should see current data, not what was there an hour ago.
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        retry: 2,
      },
      mutations: { retry: 0 },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
