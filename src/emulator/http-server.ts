/**
 * A local AWS: Lambda (restJson1) and CloudWatch (JSON 1.0 and query) over node:http, for tests, the
 * README walk-through and `lambda-cost emulator`. See README "emulator" and issue #3.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type EmulatorConfigInput, emulatorConfig } from "./config.js";
import { functionConfiguration } from "./function-view.js";
import { applyUpdate } from "./lambda-update.js";
import { isOrganizationServiceRequest, serveOrganizationServices } from "./org-dispatch.js";
import { EmulatorOrganization } from "./organization.js";
import { handleRequest } from "./request-handler.js";
import type {
  ConcurrentDeployFault,
  EmulatedFunctionConfig,
  EmulatorHandle,
  RecordedRequest,
  StartEmulatorOptions,
} from "./types.js";

export { type EmulatorConfigInput, emulatorConfig } from "./config.js";
export type * from "./types.js";

/** Options as StartEmulatorOptions, but the config may leave out whatever has a default. */
export type StartEmulatorInput = Omit<StartEmulatorOptions, "config"> & {
  config: EmulatorConfigInput;
};

/**
 * Starts the emulator; resolves once it listens.
 * @example
 * const emulator = await startEmulator({ config: { functions: [{ name: "f" }] } });
 * new LambdaClient({ endpoint: emulator.endpoint, region: "us-east-1", credentials });
 */
export async function startEmulator(options: StartEmulatorInput): Promise<EmulatorHandle> {
  const config = emulatorConfig(options.config);
  // One state per account (issue 15); `state` is the management account, all there is without `accounts`.
  const org = new EmulatorOrganization(config, options.now ?? Date.now, options.priceTable);
  const state = org.management;
  const recorded: RecordedRequest[] = [];
  const pendingDeploys = [...(config.faults.concurrentDeploys ?? [])];
  let served = 0;

  const deploy = (region: string, functionName: string, patch: ConcurrentDeployFault["patch"]) => {
    const { fn } = state.resolve(region, functionName);
    applyUpdate(state, fn, {
      ...fn.latest,
      ...(patch.MemorySize !== undefined ? { memorySize: patch.MemorySize } : {}),
      ...(patch.Timeout !== undefined ? { timeout: patch.Timeout } : {}),
      ...(patch.Description !== undefined ? { description: patch.Description } : {}),
      ...(patch.Environment !== undefined
        ? { environment: { ...(patch.Environment.Variables ?? {}) } }
        : {}),
    });
  };

  const hooks = {
    beforeRequest() {
      for (const fault of [...pendingDeploys]) {
        if (served < fault.afterRequests) continue;
        pendingDeploys.splice(pendingDeploys.indexOf(fault), 1);
        const region =
          fault.region ?? state.allFunctions().find((f) => f.name === fault.functionName)?.region;
        if (region !== undefined) deploy(region, fault.functionName, fault.patch);
      }
      served += 1;
    },
    record(request: RecordedRequest) {
      recorded.push(request);
    },
  };

  const server = createServer((req, res) => {
    const accountId = org.accountOf(req.headers.authorization);
    const accountHooks = org.multiAccount
      ? { ...hooks, record: (r: RecordedRequest) => hooks.record({ ...r, accountId }) }
      : hooks;
    const served = isOrganizationServiceRequest(req)
      ? serveOrganizationServices(org, hooks, req, res)
      : handleRequest(org.state(accountId) ?? state, accountHooks, req, res);
    served.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: String(error) }));
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpointHost = host.includes(":") ? `[${host}]` : host;

  return {
    endpoint: `http://${endpointHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        org.wakeAll();
      }),
    requests: () => recorded.map((r) => ({ ...r })),
    inspect(region, functionName) {
      const fn = state.functionsIn(region).get(functionName);
      if (!fn) return undefined;
      return {
        latest: functionConfiguration(state, fn, undefined),
        versions: [...fn.versions.keys()].sort((a, b) => Number(a) - Number(b)),
        aliases: [...fn.aliases.values()].map((a) => ({
          name: a.name,
          functionVersion: a.functionVersion,
        })),
      };
    },
    deploy,
    addFunctions(functions: EmulatedFunctionConfig[], accountId?: string) {
      const parsed = emulatorConfig({ functions }).functions;
      const target = accountId === undefined ? state : org.state(accountId);
      if (!target) throw new Error(`addFunctions: no account ${accountId} in the emulator config`);
      target.addFunctions(parsed);
    },
  };
}
