import react from "@dext/eslint-config/react";

export default react;
