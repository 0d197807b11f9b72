/** Counts visits per name. In memory for now: lab 3 keeps them in a volume. */
export interface VisitBook {
  sign(name: string): number;
}

export function createVisitBook(): VisitBook {
  const visits = new Map<string, number>();
  return {
    sign(name) {
      const count = (visits.get(name) ?? 0) + 1;
      visits.set(name, count);
      return count;
    },
  };
}
