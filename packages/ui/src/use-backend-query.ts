import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseMutationOptions, UseMutationResult, UseQueryOptions, UseQueryResult } from "@tanstack/react-query";
import type { BackendClient, Contract, RouteCallInput, RouteOutput } from "@dext/backend/client";

/** Route names of a contract. */
export type RouteName<C extends Contract> = keyof C & string;

export type BackendQueryOptions<C extends Contract, K extends RouteName<C>> = Omit<
  UseQueryOptions<RouteOutput<C[K]>>,
  "queryKey" | "queryFn"
>;

// A route whose input has only optional parts may be queried without an input.
type QueryArgs<C extends Contract, K extends RouteName<C>> =
  Record<string, never> extends RouteCallInput<C[K]>
    ? [input?: RouteCallInput<C[K]>, options?: BackendQueryOptions<C, K>]
    : [input: RouteCallInput<C[K]>, options?: BackendQueryOptions<C, K>];

/**
 * The cache key of a route call: `["dext", route, input]`. Invalidate `["dext", route]` to refetch
 * every call of a route, whatever its input.
 */
export function backendQueryKey(route: string, input?: unknown): readonly unknown[] {
  return input === undefined ? ["dext", route] : ["dext", route, input];
}

type Caller = (input?: unknown) => Promise<unknown>;

function callerOf<C extends Contract>(backend: BackendClient<C>, route: RouteName<C>): Caller {
  return backend[route] as Caller;
}

/**
 * A typed query of one backend route: `useBackendQuery(backend, "listVolumes")` is a react-query
 * `useQuery` whose `data` is the route's response type and whose `error` is usually a
 * `BackendClientError` (show it with `<ErrorBanner error={query.error} onRetry={query.refetch} />`).
 */
export function useBackendQuery<C extends Contract, K extends RouteName<C>>(
  backend: BackendClient<C>,
  route: K,
  ...[input, options]: QueryArgs<C, K>
): UseQueryResult<RouteOutput<C[K]>> {
  return useQuery<RouteOutput<C[K]>>({
    ...options,
    queryKey: backendQueryKey(route, input),
    queryFn: () => callerOf(backend, route)(input) as Promise<RouteOutput<C[K]>>,
  });
}

export interface BackendMutationOptions<C extends Contract, K extends RouteName<C>> extends Omit<
  UseMutationOptions<RouteOutput<C[K]>, Error, RouteCallInput<C[K]>>,
  "mutationFn"
> {
  /** Routes whose cached queries are stale once this call succeeds, e.g. `["listVolumes"]`. */
  readonly invalidates?: readonly RouteName<C>[];
  /**
   * A route without input whose cached answer this call's result replaces, for a backend that
   * answers a change with the new whole (e.g. `PUT /state/pins/x` answers the new state): the
   * view updates without a second request.
   */
  readonly updates?: RouteName<C>;
}

/**
 * A typed mutation of one backend route: `mutate({ params, body })` takes the route's input;
 * on success the routes named in `invalidates` are refetched.
 */
export function useBackendMutation<C extends Contract, K extends RouteName<C>>(
  backend: BackendClient<C>,
  route: K,
  options: BackendMutationOptions<C, K> = {},
): UseMutationResult<RouteOutput<C[K]>, Error, RouteCallInput<C[K]>> {
  const queryClient = useQueryClient();
  const { invalidates = [], updates, onSuccess, ...rest } = options;
  return useMutation<RouteOutput<C[K]>, Error, RouteCallInput<C[K]>>({
    ...rest,
    mutationFn: (input) => callerOf(backend, route)(input) as Promise<RouteOutput<C[K]>>,
    onSuccess: async (...args) => {
      if (updates !== undefined) queryClient.setQueryData(backendQueryKey(updates), args[0]);
      await Promise.all(invalidates.map((name) => queryClient.invalidateQueries({ queryKey: backendQueryKey(name) })));
      await onSuccess?.(...args);
    },
  });
}
