// Preloaded (`node --import`) into every documented example the docs test runs: the process's
// clock starts at LAMBDA_COST_DOCS_NOW and then advances in real time. The pages print figures
// that depend on "today" (tune's monthly projection from the last 30 days of CloudWatch, the
// default report month); without this the examples would drift with the calendar. The test's
// in-process emulator runs on the same clock. The product itself has no clock override.
const fixedStartMs = Date.parse(process.env.LAMBDA_COST_DOCS_NOW ?? "");
if (Number.isFinite(fixedStartMs)) {
  const RealDate = Date;
  const offsetMs = fixedStartMs - RealDate.now();
  class FixedClockDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = FixedClockDate;
}
