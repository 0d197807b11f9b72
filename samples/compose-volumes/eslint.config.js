import react, { browserOnly } from "@dext/eslint-config/react";

export default [
  ...react,
  { files: ["ui/**/*.{ts,tsx}", "shared/**/*.ts"], ...browserOnly },
  // The proxy and the helper run only in the extension's containers, configured by its compose file
  // and the backend's `docker run`; no turbo task runs them, so their variables are not turbo's.
  { files: ["proxy/**/*.ts", "helper/**/*.ts"], rules: { "turbo/no-undeclared-env-vars": "off" } },
];
