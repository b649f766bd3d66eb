// `k6/execution` for the Deno runner: the parts about the current VU,
// scenario and test. Read inside an iteration (or setup/teardown for `test`).
import { abortTest, currentContext } from "../vu_context.ts";

export default {
  get vu() {
    const context = currentContext();
    return {
      idInTest: context.vu,
      idInInstance: context.vu,
      iterationInInstance: context.iteration,
      // VUs are never reused across scenarios here, so both counts agree.
      iterationInScenario: context.iteration,
    };
  },
  get scenario() {
    const { scenario } = currentContext();
    return {
      name: scenario.name,
      startTime: scenario.startTime,
      iterationInInstance: scenario.iterationInTest,
      iterationInTest: scenario.iterationInTest,
    };
  },
  get test() {
    return { abort: abortTest };
  },
};
