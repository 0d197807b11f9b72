// The one code style of dext, named in each package's package.json ("prettier": "@dext/prettier-config").
// Prettier's defaults (double quotes, semicolons, trailing commas) but a 120-column line: the code
// was written at that width, and a narrower one would fold most signatures and JSX props.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 120,
};

export default config;
