import type { v1 } from "@docker/extension-api-client-types";
import type { LoadHostApi } from "./host-api-loader.ts";
import type { ServiceRequest, ServiceResponse } from "../protocol/index.ts";

/** Desktop's rejection of a failed `vm.service` call; `statusCode` is undefined when nothing answered. */
interface ServiceFailure {
  name: string;
  message: string;
  statusCode: number | undefined;
}

function decode(response: Extract<ServiceResponse, { ok: true }>): unknown {
  if (response.body === "") return undefined;
  if (/\bjson\b/i.test(response.contentType)) {
    try {
      return JSON.parse(response.body);
    } catch {
      return response.body;
    }
  }
  return response.body;
}

/** The same calls as `v1.HttpService`, as plain functions so they can be passed around unbound. */
export type HttpServiceFunctions = {
  readonly [K in keyof v1.HttpService]: (...args: Parameters<v1.HttpService[K]>) => ReturnType<v1.HttpService[K]>;
};

/** `vm.service` as Desktop gives it: HTTP to the extension socket, JSON decoded, non-2xx rejected. */
export function createHttpService(loadApi: LoadHostApi): HttpServiceFunctions {
  const request = async (config: v1.RequestConfig): Promise<unknown> => {
    if (typeof config.url !== "string" || !config.url.startsWith("/")) {
      throw new TypeError(`vm.service: url must be a path starting with "/", got ${JSON.stringify(config.url)}`);
    }
    const payload: ServiceRequest = {
      url: config.url,
      method: config.method.toUpperCase(),
      headers: config.headers,
      data: config.data,
    };
    const { client, BackendClientError } = await loadApi();
    let response: ServiceResponse;
    try {
      response = await client.service({ body: payload });
    } catch (error) {
      if (!(error instanceof BackendClientError)) throw error;
      const failure: ServiceFailure = {
        name: "Error",
        message: `The dext host refused the call (HTTP ${error.status ?? "none"}): ${error.message}`,
        statusCode: undefined,
      };
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw failure;
    }
    if (!response.ok) {
      const failure: ServiceFailure = { name: "Error", message: response.message, statusCode: undefined };
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw failure;
    }
    if (response.status < 200 || response.status >= 300) {
      const failure: ServiceFailure = { name: "Error", message: response.body, statusCode: response.status };
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw failure;
    }
    return decode(response);
  };
  const json = { "content-type": "application/json" };
  return {
    request,
    get: (url) => request({ url, method: "GET", headers: {}, data: undefined }),
    head: (url) => request({ url, method: "HEAD", headers: {}, data: undefined }),
    delete: (url) => request({ url, method: "DELETE", headers: {}, data: undefined }),
    post: (url, data: unknown) => request({ url, method: "POST", headers: json, data }),
    put: (url, data: unknown) => request({ url, method: "PUT", headers: json, data }),
    patch: (url, data: unknown) => request({ url, method: "PATCH", headers: json, data }),
  };
}
