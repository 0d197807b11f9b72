import react, { browserOnly } from "@dext/eslint-config/react";

export default [...react, { files: ["ui/**/*.{ts,tsx}", "shared/**/*.ts"], ...browserOnly }];
