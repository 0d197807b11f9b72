import base from "@dext/eslint-config/base";

export default base;
