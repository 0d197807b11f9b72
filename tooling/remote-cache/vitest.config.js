import { dextVitestConfig } from "@dext/vitest-config";

export default dextVitestConfig();
