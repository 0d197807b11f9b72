import base from "@dext/eslint-config/base";
import { browserOnly } from "@dext/eslint-config/react";

// The main entry is read by the browser (the UI kit, the host's page) and by Node (the host): no
// Node built-ins. src/node is the `./node` entry, for Node only.
export default [...base, { files: ["src/**/*.ts"], ignores: ["src/node/**"], ...browserOnly }];
