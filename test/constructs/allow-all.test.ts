import { Chart, Testing } from 'cdk8s';
import { onlyPolicy } from './synth';
import { AllowAllEgress, AllowAllIngress, PolicyTarget } from '../../src/constructs';
import { PortRange } from '../../src/policy';

type Build = (c: Chart, props?: object) => AllowAllIngress | AllowAllEgress;
const ingress: Build = (c, props) => new AllowAllIngress(c, 'allow', props);
const egress: Build = (c, props) => new AllowAllEgress(c, 'allow', props);

test.each([
  ['AllowAllIngress', ingress, { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] }, 'allow-all-ingress'],
  ['AllowAllEgress', egress, { podSelector: {}, egress: [{}], policyTypes: ['Egress'] }, 'allow-all-egress'],
])('%s renders the docs\' manifest', (_name, build, spec, name) => {
  const chart = Testing.chart();
  build(chart);
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart)).toEqual({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name }, spec });
});

test.each([
  ['AllowAllIngress', ingress, 'allow-all-ingress-web'],
  ['AllowAllEgress', egress, 'allow-all-egress-web'],
])('%s narrowed to a target and ports', (_name, build, name) => {
  const chart = new Chart(Testing.app(), 'c', { namespace: 'edge' });
  build(chart, { target: PolicyTarget.labels({ app: 'web' }), ports: [PortRange.HTTP, PortRange.HTTPS] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).metadata).toEqual({ name, namespace: 'edge' });
});

test('metadata overrides the name', () => {
  const chart = Testing.chart();
  new AllowAllEgress(chart, 'allow', { metadata: { name: 'open-egress', labels: { why: 'legacy' } } });
  expect(onlyPolicy(chart).metadata).toEqual({ name: 'open-egress', labels: { why: 'legacy' } });
});

test('empty ports are an error, not every port', () => {
  expect(() => new AllowAllIngress(Testing.chart(), 'allow', { ports: [] }))
    .toThrow('NP-INPUT[test/allow/Policy.addIngressRuleFromAnywhere]: ports: is empty, which Kubernetes reads as every port');
});
