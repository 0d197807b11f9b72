// Build-time plugin (@dext/ui/vite); see index.js for why this folder is plain JavaScript.
// Vite hands ids to plugins with forward slashes on every platform.
import { dirname, join } from "node:path/posix";

const materialDir = "/@mui/material/";
const virtualPrefix = "\0dext:mui-plain-theme:";

/**
 * Where MUI 6 builds a fallback theme with `createTheme()`, and what replaces it. Each component's
 * `styled` and `useTheme` read `styles/defaultTheme.js`; `Box` builds its own from the styles
 * index. Matching by importer and specifier keeps every other import of `createTheme` (an
 * extension's own `createTheme({ cssVariables: true })`) as MUI wrote it.
 * @type {{ importer: string, specifier: string, stylesDir: (importerDir: string) => string, code: (createThemeNoVars: string) => string }[]}
 */
const fallbacks = [
  {
    importer: "/styles/",
    specifier: "./defaultTheme.js",
    stylesDir: (importerDir) => importerDir,
    code: (file) => `import createThemeNoVars from ${JSON.stringify(file)};\nexport default createThemeNoVars();\n`,
  },
  {
    importer: "/GlobalStyles/",
    specifier: "../styles/defaultTheme.js",
    stylesDir: (importerDir) => join(importerDir, "..", "styles"),
    code: (file) => `import createThemeNoVars from ${JSON.stringify(file)};\nexport default createThemeNoVars();\n`,
  },
  {
    importer: "/Box/Box.js",
    specifier: "../styles/index.js",
    stylesDir: (importerDir) => join(importerDir, "..", "styles"),
    code: (file) => `export { default as createTheme } from ${JSON.stringify(file)};\n`,
  },
];

/**
 * Builds MUI's fallback themes with its plain theme builder. MUI 6 makes the theme a component
 * uses when no provider is above it with `createTheme()`, which imports the CSS-variables theme
 * builder and its helpers (about 4 KB gzip) into every bundle that renders a single component,
 * whatever theme the app provides. dext's `DextProvider` always provides a plain theme (Docker's
 * theme options never ask for CSS variables), so the fallbacks need nothing more. Components under
 * an extension's own `CssVarsProvider` still get that provider's theme. Production builds only.
 * @returns {import("vite").Plugin}
 */
export function muiWithoutCssVariables() {
  let materialSeen = false;
  let replaced = 0;
  return {
    name: "dext:mui-without-css-variables",
    apply: "build",
    enforce: "pre",
    resolveId(specifier, importer) {
      if (importer === undefined || !importer.includes(materialDir)) return null;
      materialSeen = true;
      const fallback = fallbacks.find((entry) => entry.specifier === specifier && importer.includes(entry.importer));
      if (fallback === undefined) return null;
      const file = join(fallback.stylesDir(dirname(importer)), "createThemeNoVars.js");
      replaced += 1;
      return `${virtualPrefix}${fallbacks.indexOf(fallback)}:${file}`;
    },
    buildStart() {
      materialSeen = false;
      replaced = 0;
    },
    buildEnd(error) {
      // A later MUI that moved these files would silently bring the bytes back.
      if (error === undefined && materialSeen && replaced === 0) {
        this.warn("no MUI fallback theme was found to replace: this @mui/material lays its styles out differently, so its CSS-variables theme builder stays in the bundle");
      }
    },
    load(id) {
      if (!id.startsWith(virtualPrefix)) return null;
      const [index, ...file] = id.slice(virtualPrefix.length).split(":");
      return fallbacks[Number(index)]?.code(file.join(":")) ?? null;
    },
  };
}
