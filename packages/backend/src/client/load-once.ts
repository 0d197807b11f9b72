/**
 * Runs `load` on the first call and hands every later call the same promise. A failed load (a
 * network hiccup fetching a chunk) is forgotten, so the next call tries again instead of failing
 * for the rest of the tab's life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending === undefined) {
      const loading = load();
      loading.catch(() => {
        if (pending === loading) pending = undefined;
      });
      pending = loading;
    }
    return pending;
  };
}
