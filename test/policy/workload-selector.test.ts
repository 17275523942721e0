import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { workloadDescription, workloadPodSelector } from '../../src/policy/workload-selector';

test('a cdk8s-plus-27 workload is selected by the address label cdk8s-plus gives its pods', () => {
  const chart = Testing.chart();
  const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
  const address = api.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL)!;
  expect(address).toBeDefined();
  expect(workloadPodSelector(api)._toKube()).toEqual({ matchLabels: { [kplus.Pod.ADDRESS_LABEL]: address } });
  expect(workloadDescription(api)).toBe('Deployment(test/api)');
});
