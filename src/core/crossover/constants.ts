/**
 * Constants of the crossover model. AWS prices always-on capacity by a 730-hour month
 * (8,760 h / 12), so that is the month here too.
 */
import { LAMBDA_CPU } from "../lambda-limits.js";

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600; // 2,628,000
/** Lambda gives one full vCPU at 1,769 MB and a proportional share below (AWS Lambda docs). */
export const MB_PER_VCPU = LAMBDA_CPU.mbPerVcpu;
/** Break-even is searched for up to this many requests a month. */
export const SEARCH_LIMIT_REQUESTS = 1e12;
/** The sweep's top: "steady" break-even asks for no dearer at every volume up to here. */
export const SWEEP_MAX_REQUESTS = 1e10;
