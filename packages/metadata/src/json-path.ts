const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Extends a JSON path: `$.vm` + `exposes` → `$.vm.exposes`, `[0]` for indexes, `["dashboard-tab"]` otherwise. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
