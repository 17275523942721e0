import { Chart, Testing } from 'cdk8s';
import { thrown } from '../thrown';

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

/** The validation message synthesis fails with. */
export function synthError(chart: Chart): string {
  return thrown(() => Testing.synth(chart));
}
