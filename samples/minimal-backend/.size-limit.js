// `pnpm --filter minimal-backend size` (in `pnpm test`, after the build): the JavaScript the tab loads
// before it renders, gzip, against its budget. The figure is the build's as measured; a change that
// adds more than 5% fails, and raising the figure is a deliberate edit (docs/benchmarks.md).
import { firstViewBudget } from "@dext/ui/vite";

export default [firstViewBudget(new URL(".", import.meta.url), { measuredBytes: 134_566 })];
