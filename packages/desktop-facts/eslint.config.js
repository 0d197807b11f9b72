import base from "@dext/eslint-config/base";
import { browserOnly } from "@dext/eslint-config/react";

// Read by the browser (the UI kit, the host's page) and by Node (the host): no Node built-ins.
export default [...base, { files: ["src/**/*.ts"], ...browserOnly }];
