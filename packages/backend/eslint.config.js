import base from "@dext/eslint-config/base";

const namespaceImport = 'Write `import * as z from "zod"`, so bundles keep only the zod they use.';

export default [
  ...base,
  {
    rules: {
      // `import { z }` (or the default import) makes esbuild keep all of zod, every locale and
      // the JSON Schema code: about 740 kB that a backend parses at each start. `import * as z`
      // lets it keep only what is used (docs/benchmarks.md, backend cold start). Type-only
      // imports are erased and stay allowed.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: namespaceImport,
        },
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportDefaultSpecifier",
          message: namespaceImport,
        },
      ],
    },
  },
];
