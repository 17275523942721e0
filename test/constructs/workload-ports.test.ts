import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KubeDeployment } from 'cdk8s-plus-27/lib/imports/k8s';
import { workloadPorts } from '../../src/constructs/workload-ports';
import { WorkloadConstruct } from '../../src/policy/workload-construct';

const ports = (construct: kplus.AbstractPod | KubeDeployment) => workloadPorts(WorkloadConstruct.of('test', construct))?.map(p => p.toString());

test('every container port once, with its own protocol', () => {
  const dns = new kplus.Deployment(Testing.chart(), 'dns', {
    containers: [
      { image: 'coredns', ports: [{ number: 53, protocol: kplus.Protocol.UDP }, { number: 53 }, { number: 9153, name: 'metrics' }] },
      { image: 'sidecar', ports: [{ number: 9153, protocol: kplus.Protocol.TCP }, { number: 3868, protocol: kplus.Protocol.SCTP }] },
    ],
  });
  expect(ports(dns)).toEqual(['UDP/53', 'TCP/53', 'TCP/9153', 'SCTP/3868']);
});

test('portNumber counts as a TCP port', () => {
  const web = new kplus.Pod(Testing.chart(), 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
  expect(ports(web)).toEqual(['TCP/8080']);
});

test('containers added later count', () => {
  const web = new kplus.Deployment(Testing.chart(), 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
  const workload = WorkloadConstruct.of('test', web);
  web.addContainer({ image: 'exporter', portNumber: 9113 });
  expect(workloadPorts(workload)!.map(p => p.toString())).toEqual(['TCP/80', 'TCP/9113']);
});

test('a plain KubeDeployment: its containers\' ports, init containers left out', () => {
  const deployment = new KubeDeployment(Testing.chart(), 'web', {
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          initContainers: [{ name: 'migrate', image: 'migrate', ports: [{ containerPort: 7000 }] }],
          containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 514, protocol: 'UDP' }] }],
        },
      },
    },
  });
  expect(ports(deployment)).toEqual(['TCP/80', 'UDP/514']);
});

test.each([
  ['no workload', () => undefined],
  ['a workload without ports', () => WorkloadConstruct.of('test', new kplus.Job(Testing.chart(), 'job', { containers: [{ image: 'batch' }] }))],
])('%s: undefined, meaning every port', (_name, build) => {
  expect(workloadPorts(build())).toBeUndefined();
});
