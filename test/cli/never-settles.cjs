// Preloaded into the spawned bin by program.test.ts: every AWS client's send() stays pending
// with nothing left on the event loop, the one way a run can stop without settling.
const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request.startsWith("@aws-sdk/client-")) {
    for (const value of Object.values(loaded)) {
      if (typeof value === "function" && typeof value.prototype?.send === "function") {
        value.prototype.send = () => new Promise(() => {});
      }
    }
  }
  return loaded;
};
