import { QueryClient } from "@tanstack/react-query";

/**
 * The QueryClient `DextProvider` makes when given none. No retries: `@dext/backend/client`
 * already retries GETs while the backend is unavailable, and retrying twice over would only
 * delay the error banner. No refetch on window focus: Desktop re-creates the UI each time its
 * tab opens, which is refresh enough.
 */
export function createDextQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
