import config from "./vitest.config.ts";

// Browser tests: the built sample in the dext host's folder mode, in Chromium, with no engine.
// Run by `test:e2e`, after `build`. The stack itself is tested in the image stage (image/).
export default { ...config, test: { ...config.test, include: ["e2e/**/*.e2e.test.ts"] } };
