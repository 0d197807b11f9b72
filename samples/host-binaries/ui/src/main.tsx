import { mountExtension } from "@dext/ui";
import { App } from "./app.tsx";

// Hydrates the first view the build prerendered into index.html (see vite.config.ts), or renders it.
mountExtension(<App />);
