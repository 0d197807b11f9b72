import base from "@dext/eslint-config/base";
import { browserOnly } from "@dext/eslint-config/react";
import globals from "globals";

export default [
  ...base,
  // The fixture is a third-party extension on purpose: plain JavaScript, none of our rules.
  { ignores: ["test/fixtures/**"] },
  {
    files: ["src/page/**/*.ts", "src/dashboard/**/*.ts", "src/protocol/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    ...browserOnly,
  },
];
