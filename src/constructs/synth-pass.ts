/**
 * Whether the running validation pass is one of the later passes of an `app.synth()` or
 * `app.synthYaml()` call: cdk8s validates the whole app once when the call starts, then again
 * in every `chart.toJson()` the call makes to write each chart. No user code runs in between,
 * so those later passes see the app the first pass saw and can reuse its analysis.
 *
 * cdk8s offers no hook to tell the passes apart, so this reads the call stack for
 * `App._synthChart` <- `Chart.toJson` <- `App.synth` or `App.synthYaml`, the first and last
 * in the same file (so `Testing.synth` and user functions called `synth` do not count). Should
 * cdk8s rename them, every pass is analysed afresh: slower, never stale.
 */
export function continuesSynthesis(): boolean {
  const sites = callSites();
  const chart = sites.findIndex((site) => site.getFunctionName() === '_synthChart');
  if (chart < 0 || chart + 2 >= sites.length) {
    return false;
  }
  const toJson = sites[chart + 1];
  const synth = sites[chart + 2];
  return toJson.getFunctionName() === 'toJson'
    && ['synth', 'synthYaml'].includes(synth.getFunctionName() ?? '')
    && synth.getFileName() === sites[chart].getFileName();
}

/** V8's call sites of the caller's stack, read without formatting any stack text. */
function callSites(): NodeJS.CallSite[] {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  Error.prepareStackTrace = (_error, sites) => sites;
  // Room for the frames between here and App.synth, whatever the caller's setting.
  Error.stackTraceLimit = 16;
  try {
    return new Error().stack as unknown as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}
