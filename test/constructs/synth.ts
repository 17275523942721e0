import { Chart, Testing } from 'cdk8s';

/** The NetworkPolicies a chart synthesizes (running every validation of the app). */
export function policies(chart: Chart): any[] {
  return Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy');
}

/** The one NetworkPolicy a chart synthesizes. */
export function onlyPolicy(chart: Chart): any {
  const all = policies(chart);
  if (all.length !== 1) {
    throw new Error(`expected one NetworkPolicy, got ${all.length}`);
  }
  return all[0];
}

/** The message of the error `build` throws; fails when it throws none. */
export function thrown(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

/** The validation message synthesis fails with. */
export function synthError(chart: Chart): string {
  return thrown(() => Testing.synth(chart));
}
