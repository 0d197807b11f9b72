import react, { browserOnly } from "@dext/eslint-config/react";

export default [...react, { files: ["src/**/*.{ts,tsx}"], ...browserOnly }];
