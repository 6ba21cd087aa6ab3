/**
 * A TuningTarget that says what it is doing before each AWS call, so progress is visible from
 * the first call (reading the function, publishing each size, putting it back), not only while
 * invoking. It changes no behaviour: every call goes straight to the wrapped target.
 */
import type { FunctionSnapshot, TuningTarget } from "../core/tuning/ports.js";

export function reportingCalls(target: TuningTarget, phase: (label: string) => void): TuningTarget {
  // $LATEST's memory as last seen, to say which size a version is published at.
  let memoryMb: number | undefined;
  const seen = (snapshot: FunctionSnapshot) => {
    memoryMb = snapshot.memoryMb;
    return snapshot;
  };
  return {
    region: target.region,
    async snapshot(options) {
      phase("reading the function's configuration");
      return seen(await target.snapshot(options));
    },
    async setMemory(size, revisionId, options) {
      phase(`setting memory to ${size} MB and waiting for the update`);
      return seen(await target.setMemory(size, revisionId, options));
    },
    waitForUpdate(options) {
      phase("waiting for the function's update to finish");
      return target.waitForUpdate(options);
    },
    publishVersion(revisionId, description, options) {
      phase(`publishing a version${memoryMb === undefined ? "" : ` at ${memoryMb} MB`}`);
      return target.publishVersion(revisionId, description, options);
    },
    invoke: (version, payload, options) => target.invoke(version, payload, options),
    versionsDescribedAs(description) {
      phase("looking for versions a run published");
      return target.versionsDescribedAs(description);
    },
    deleteVersion(version) {
      phase(`deleting version ${version}`);
      return target.deleteVersion(version);
    },
    getAlias(name) {
      phase(`reading alias ${name}`);
      return target.getAlias(name);
    },
    pointAlias(name, version, existing) {
      phase(`pointing alias ${name} at version ${version}`);
      return target.pointAlias(name, version, existing);
    },
    createMarkerAlias(name, description) {
      phase(`claiming the function (alias ${name})`);
      return target.createMarkerAlias(name, description);
    },
    deleteAlias(name) {
      phase(`removing alias ${name}`);
      return target.deleteAlias(name);
    },
    throttleCount: () => target.throttleCount(),
    code: target.code && {
      ...target.code,
      setCode(source, architecture, revisionId, options) {
        phase(`setting the code to ${architecture} and waiting for the update`);
        return (target.code as NonNullable<typeof target.code>).setCode(
          source,
          architecture,
          revisionId,
          options,
        );
      },
    },
  };
}
