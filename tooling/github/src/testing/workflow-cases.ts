/** A small workflow that passes actionlint and dext's policy; the tests break it one way at a time. */
export const VALID = `name: sample
on:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: sample-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - run: echo "built \${{ github.sha }}"
  publish:
    needs: build
    runs-on: ubuntu-24.04
    permissions:
      packages: write
    steps:
      - run: echo publish
`;

/** VALID with `from` replaced by `to`; throws when `from` is not there, so no case tests VALID by mistake. */
export function broken(from: string, to: string): string {
  if (!VALID.includes(from)) throw new Error(`the valid workflow has no ${JSON.stringify(from)}`);
  return VALID.replace(from, to);
}
