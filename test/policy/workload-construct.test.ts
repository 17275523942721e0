import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KubeDeployment } from 'cdk8s-plus-27/lib/imports/k8s';
import { Construct } from 'constructs';
import { apiObjectOf } from '../../src/policy/api-object-of';
import { RenderingScope } from '../../src/policy/rendering-scope';
import { CDK8S_PLUS_ADDRESS_LABEL, WorkloadConstruct } from '../../src/policy/workload-construct';
import { thrown } from '../thrown';

const shop = () => new Chart(Testing.app(), 'shop', { namespace: 'shop' });

/** A raw object of `kind` with the pod template `template` at `path` (or none). */
function raw(chart: Chart, kind: string, spec: object) {
  return new ApiObject(chart, kind.toLowerCase(), { apiVersion: 'apps/v1', kind, metadata: { name: kind.toLowerCase() }, spec });
}

/** A construct that keeps its object as its default child, as cdk8s-plus does. */
class Wrapper extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubeDeployment(this, 'Resource', {
      spec: { selector: { matchLabels: { app: 'wrapped' } }, template: { metadata: { labels: { app: 'wrapped' } }, spec: { containers: [] } } },
    });
  }
}

describe('what stands for a workload', () => {
  test.each([
    ['a cdk8s-plus Deployment: its KubeDeployment child', (c: Chart) => new kplus.Deployment(c, 'api', { containers: [{ image: 'api' }] }), 'Deployment', 'shop/api/Resource'],
    ['a cdk8s-plus Pod', (c: Chart) => new kplus.Pod(c, 'api', { containers: [{ image: 'api' }] }), 'Pod', 'shop/api/Resource'],
    ['an imported KubeDeployment: itself', (c: Chart) => new KubeDeployment(c, 'api', { spec: { selector: {}, template: {} } }), 'Deployment', 'shop/api'],
    ['a raw CronJob', (c: Chart) => raw(c, 'CronJob', {}), 'CronJob', 'shop/cronjob'],
    ['a construct with a default child', (c: Chart) => new Wrapper(c, 'api'), 'Deployment', 'shop/api/Resource'],
  ])('%s', (_name, build, kind, objectPath) => {
    const construct = build(shop());
    const workload = WorkloadConstruct.of('Peer.workload', construct);
    expect([workload.kind, workload.apiObject.node.path, workload.namespaceName, workload.construct]).toEqual([kind, objectPath, 'shop', construct]);
    expect(workload.toString()).toBe(`${kind}(${construct.node.path})`);
  });

  test('the namespace is the object\'s own, else none', () => {
    const own = new kplus.Deployment(Testing.chart(), 'api', { metadata: { namespace: 'data' }, containers: [{ image: 'api' }] });
    const none = new kplus.Deployment(Testing.chart(), 'web', { containers: [{ image: 'web' }] });
    expect([WorkloadConstruct.of('t', own).namespaceName, WorkloadConstruct.of('t', none).namespaceName]).toEqual(['data', undefined]);
  });

  test.each([
    ['a Service', (c: Chart) => new kplus.Service(c, 'svc', { ports: [{ port: 80 }] }),
      'NP-INPUT[PolicyTarget.workload]: shop/svc renders a Service, which has no pods; pass a Pod or a workload with a pod template '
      + '(Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob): a cdk8s-plus workload, an imported '
      + 'KubeDeployment, or an ApiObject of one of those kinds'],
    ['a construct that renders nothing', (c: Chart) => new Construct(c, 'empty'),
      'NP-INPUT[PolicyTarget.workload]: shop/empty renders no Kubernetes object (it is not an ApiObject, and has no default child that is one); '],
  ])('%s is refused where it is passed, naming it', (_name, build, message) => {
    expect(thrown(() => WorkloadConstruct.of('PolicyTarget.workload', build(shop())))).toContain(message);
  });

  test('apiObjectOf: a chart renders no single object', () => {
    expect(apiObjectOf(shop())).toBeUndefined();
  });
});

describe('the pods, read from the rendered object', () => {
  test('cdk8s-plus: the address label alone, whatever else the template carries', () => {
    const api = new kplus.Deployment(shop(), 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
    api.podMetadata.addLabel('app', 'api');
    const selector = WorkloadConstruct.of('t', api).podSelector();
    expect(selector.labels).toEqual({ [CDK8S_PLUS_ADDRESS_LABEL]: api.podMetadata.getLabel(CDK8S_PLUS_ADDRESS_LABEL) });
  });

  test.each([
    ['Deployment', { template: { metadata: { labels: { app: 'web', tier: 'front' } } } }, { app: 'web', tier: 'front' }],
    ['CronJob', { jobTemplate: { spec: { template: { metadata: { labels: { job: 'backup' } } } } } }, { job: 'backup' }],
    ['Job', { template: { metadata: { labels: { job: 'once' } } } }, { job: 'once' }],
  ])('a raw %s: every label of its pod template', (kind, spec, labels) => {
    expect(WorkloadConstruct.of('t', raw(shop(), kind, spec)).podSelector().labels).toEqual(labels);
  });

  test('a raw Pod: its own labels, the chart\'s included', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop', labels: { team: 'shop' } });
    const pod = new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'web' } }, spec: { containers: [] } });
    expect(WorkloadConstruct.of('t', pod).podSelector().labels).toEqual({ app: 'web', team: 'shop' });
  });

  test('read when asked: a patch made after the workload was given counts', () => {
    const deployment = raw(shop(), 'Deployment', { template: { metadata: { labels: { app: 'web' } } } });
    const workload = WorkloadConstruct.of('t', deployment);
    deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/version', 'v2'));
    expect(workload.podSelector().labels).toEqual({ app: 'web', version: 'v2' });
  });

  test.each([
    ['no pod template', 'Deployment', {}, 'NP-INPUT[Deployment(shop/deployment)]: spec.template: is missing, so the pods of this Deployment are unknown; '
      + 'give it a pod template with labels and containers'],
    ['a CronJob without one', 'CronJob', { jobTemplate: {} }, 'NP-INPUT[CronJob(shop/cronjob)]: spec.jobTemplate.spec.template: is missing'],
    ['no labels', 'StatefulSet', { template: { spec: {} } }, 'NP-INPUT[StatefulSet(shop/statefulset)]: spec.template.metadata.labels: is empty, so no selector '
      + 'can pick the pods of this StatefulSet without picking every pod of its namespace; add labels to its pod template'],
    ['an invalid label', 'DaemonSet', { template: { metadata: { labels: { app: 'a b' } } } }, 'NP-INPUT[DaemonSet(shop/daemonset)]: '
      + 'spec.template.metadata.labels: labels["app"] value "a b": a valid label must be'],
  ])('%s: an NP-INPUT error naming the workload and the field', (_name, kind, spec, message) => {
    const workload = WorkloadConstruct.of('t', raw(shop(), kind, spec));
    expect(thrown(() => workload.podSelector())).toContain(message);
    expect(workload.problems()).toEqual([thrown(() => workload.podSelector())]);
  });

  test('no problems for a readable workload', () => {
    expect(WorkloadConstruct.of('t', new kplus.Job(shop(), 'job', { containers: [{ image: 'batch' }] })).problems()).toEqual([]);
  });
});

describe('rendering once per rendering scope', () => {
  test('inside RenderingScope.run a workload is rendered once; outside, every time', () => {
    const deployment = raw(shop(), 'Deployment', { template: { metadata: { labels: { app: 'web' } } } });
    const workload = WorkloadConstruct.of('t', deployment);
    const toJson = jest.spyOn(deployment, 'toJson');
    RenderingScope.run(() => {
      workload.podSelector();
      RenderingScope.run(() => workload.podTemplate());
      workload.podTemplate();
    });
    expect(toJson).toHaveBeenCalledTimes(1);
    workload.podTemplate();
    workload.podTemplate();
    expect(toJson).toHaveBeenCalledTimes(3);
  });

  test('a change between two scopes is seen', () => {
    const deployment = raw(shop(), 'Deployment', { template: { metadata: { labels: { app: 'web' } } } });
    const workload = WorkloadConstruct.of('t', deployment);
    expect(RenderingScope.run(() => workload.podSelector().labels)).toEqual({ app: 'web' });
    deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/tier', 'front'));
    expect(RenderingScope.run(() => workload.podSelector().labels)).toEqual({ app: 'web', tier: 'front' });
  });
});
