// Build-time plugin (@dext/ui/vite); see index.js for why this folder is plain JavaScript.

const materialDir = "/@mui/material/";
const virtualPrefix = "\0dext:mui-plain-theme:";

/**
 * Where MUI 6 builds a fallback theme with `createTheme()`, and what replaces it. Each component's
 * `styled` and `useTheme` read `styles/defaultTheme.js` (so does `GlobalStyles`); `Box` builds its
 * own from the styles index. Matching by importer and specifier keeps every other import of
 * `createTheme` (an extension's own `createTheme({ cssVariables: true })`) as MUI wrote it.
 * `plain` is where the plain builder is, relative to the importer.
 */
const fallbacks = [
  { kind: "default-theme", importer: "/styles/", specifier: "./defaultTheme.js", plain: "./createThemeNoVars.js" },
  { kind: "default-theme", importer: "/GlobalStyles/", specifier: "../styles/defaultTheme.js", plain: "../styles/createThemeNoVars.js" },
  { kind: "box-create-theme", importer: "/Box/Box.js", specifier: "../styles/index.js", plain: "../styles/createThemeNoVars.js" },
];

/** @type {Record<string, (file: string) => string>} */
const code = {
  "default-theme": (file) => `import createThemeNoVars from ${JSON.stringify(file)};\nexport default createThemeNoVars();\n`,
  "box-create-theme": (file) => `export { default as createTheme } from ${JSON.stringify(file)};\n`,
};

/**
 * Builds MUI's fallback themes with its plain theme builder. MUI 6 makes the theme a component
 * uses when no provider is above it with `createTheme()`, which imports the CSS-variables theme
 * builder and its helpers (about 4 KB gzip) into every bundle that renders a single component,
 * whatever theme the app provides. dext's `DextProvider` always provides a plain theme (Docker's
 * theme options never ask for CSS variables), so the fallbacks need nothing more. Components under
 * an extension's own `CssVarsProvider` still get that provider's theme. Production builds only.
 * Warns, and changes nothing, when MUI's styles no longer import their fallback theme this way.
 * @returns {import("vite").Plugin}
 */
export function muiWithoutCssVariables() {
  let materialSeen = false;
  let defaultThemeReplaced = false;
  return {
    name: "dext:mui-without-css-variables",
    apply: "build",
    enforce: "pre",
    buildStart() {
      materialSeen = false;
      defaultThemeReplaced = false;
    },
    async resolveId(specifier, importer) {
      if (importer === undefined || !importer.includes(materialDir)) return null;
      materialSeen = true;
      const fallback = fallbacks.find((entry) => entry.specifier === specifier && importer.includes(entry.importer));
      if (fallback === undefined) return null;
      // Resolved by Vite, so the path is the one the build uses (symlinks, UNC and drive paths).
      const plain = await this.resolve(fallback.plain, importer, { skipSelf: true });
      if (plain === null || plain.external) return null;
      if (fallback.kind === "default-theme") defaultThemeReplaced = true;
      // One module per kind and file: styles and GlobalStyles share one fallback theme, as in MUI.
      return `${virtualPrefix}${fallback.kind}:${plain.id}`;
    },
    load(id) {
      if (!id.startsWith(virtualPrefix)) return null;
      const rest = id.slice(virtualPrefix.length);
      const separator = rest.indexOf(":");
      return code[rest.slice(0, separator)]?.(rest.slice(separator + 1)) ?? null;
    },
    buildEnd(error) {
      // A later MUI that moved these files would silently bring the bytes back.
      if (error === undefined && materialSeen && !defaultThemeReplaced) {
        this.warn("MUI's styles no longer import styles/defaultTheme.js with a createThemeNoVars.js beside it: its CSS-variables theme builder stays in the bundle");
      }
    },
  };
}
