import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { workloadPorts } from '../../src/constructs/workload-ports';

test('every container port once, with its own protocol', () => {
  const dns = new kplus.Deployment(Testing.chart(), 'dns', {
    containers: [
      { image: 'coredns', ports: [{ number: 53, protocol: kplus.Protocol.UDP }, { number: 53 }, { number: 9153, name: 'metrics' }] },
      { image: 'sidecar', ports: [{ number: 9153, protocol: kplus.Protocol.TCP }, { number: 3868, protocol: kplus.Protocol.SCTP }] },
    ],
  });
  expect(workloadPorts(dns)!.map(p => p.toString())).toEqual(['UDP/53', 'TCP/53', 'TCP/9153', 'SCTP/3868']);
});

test('portNumber counts as a TCP port', () => {
  const web = new kplus.Pod(Testing.chart(), 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
  expect(workloadPorts(web)!.map(p => p.toString())).toEqual(['TCP/8080']);
});

test('containers added later count', () => {
  const web = new kplus.Deployment(Testing.chart(), 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
  web.addContainer({ image: 'exporter', portNumber: 9113 });
  expect(workloadPorts(web)!.map(p => p.toString())).toEqual(['TCP/80', 'TCP/9113']);
});

test.each([
  ['no workload', () => undefined],
  ['a workload without ports', () => new kplus.Job(Testing.chart(), 'job', { containers: [{ image: 'batch' }] })],
])('%s: undefined, meaning every port', (_name, build) => {
  expect(workloadPorts(build())).toBeUndefined();
});
