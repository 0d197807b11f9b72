import type { ViteUserConfig } from "vitest/config";

export interface DextVitestOptions {
  environment?: "node" | "jsdom";
  testTimeout?: number;
}

export declare function dextVitestConfig(options?: DextVitestOptions): ViteUserConfig;
