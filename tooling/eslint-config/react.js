import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import base from "./base.js";

/**
 * Browser code: hooks rules, browser globals, and no way to reach server code.
 * @type {import("typescript-eslint").ConfigArray}
 */
export default [
  ...base,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
];

/**
 * Rules for files that end up in a browser bundle: server modules are refused at lint time,
 * before a bundle test has to catch them.
 */
export const browserOnly = {
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          { name: "express", message: "Browser code cannot import the server." },
          { name: "@dext/backend", message: "Import the browser-safe entry @dext/backend/client instead." },
        ],
        patterns: [
          { group: ["node:*"], message: "Browser code cannot use Node built-ins." },
          { group: ["express/*"], message: "Browser code cannot import the server." },
        ],
      },
    ],
  },
};
