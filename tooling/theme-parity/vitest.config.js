import { dextVitestConfig } from "@dext/vitest-config";
import { mergeConfig } from "vitest/config";

export default mergeConfig(dextVitestConfig({ environment: "jsdom" }), {
  // @dext/ui's sources import MUI, React and emotion from @dext/ui's own node_modules (MUI 9,
  // React 19); dedupe resolves them from this package instead, so both providers run on MUI 6 and
  // React 18, the versions Docker's provider supports.
  resolve: {
    dedupe: [
      "@mui/material",
      "@mui/system",
      "@mui/styled-engine",
      "@emotion/react",
      "@emotion/styled",
      "react",
      "react-dom",
    ],
  },
  test: {
    // Docker's packages declare CommonJS but ship ES modules; Vite transforms them, and the kit's sources.
    server: { deps: { inline: [/@docker\//, /@dext\//, /@mui\//] } },
  },
});
