import { shellQuote } from "./shell-quote.ts";

/** What to run next in the workspace; the name is checked to be plain, so it needs no quoting. */
export function workspaceNextSteps(name: string): string {
  return `\nNext:\n  pnpm --filter ${name} test      # its tests\n  pnpm --filter ${name} validate  # dext validate\n  pnpm start                                # the dext host, with ${name}'s tab`;
}

/** What to run next in a standalone project: its folder quoted, so the line pastes into a shell as it is. */
export function standaloneNextSteps(target: string, name: string): string {
  return `\nNext:\n  cd ${shellQuote(target)}\n  pnpm start    # the local Desktop host with ${name}\n  pnpm check    # lint, typecheck, build, tests, validate`;
}
