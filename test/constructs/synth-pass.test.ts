import { ApiObject, App, Chart, JsonPatch, Testing, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { NetworkPolicy, PolicyTarget } from '../../src/constructs';
import { continuesSynthesis, SynthPasses } from '../../src/constructs/synth-pass';
import { Peer } from '../../src/policy';

/** An app with `charts` charts and a construct recording `continuesSynthesis()` on every validation pass. */
function recordingApp(charts: number): { app: App; chart: Chart; passes: boolean[] } {
  const app = Testing.app();
  const created = Array.from({ length: charts }, (_, i) => new Chart(app, `chart${i}`));
  const passes: boolean[] = [];
  new Construct(created[0], 'probe').node.addValidation({
    validate: () => {
      passes.push(continuesSynthesis());
      return [];
    },
  });
  return { app, chart: created[0], passes };
}

test('app.synth: the first pass starts the synthesis, the pass of each chart continues it', () => {
  const { app, passes } = recordingApp(3);
  app.synth();
  expect(passes).toEqual([false, true, true, true]);
});

test('app.synthYaml: the same', () => {
  const { app, passes } = recordingApp(2);
  app.synthYaml();
  expect(passes).toEqual([false, true, true]);
});

test('Testing.synth and chart.toJson: every call starts afresh', () => {
  const { chart, passes } = recordingApp(2);
  Testing.synth(chart);
  chart.toJson();
  expect(passes).toEqual([false, false]);
});

test('a function of the app\'s own called synth is not App.synth', () => {
  const { chart, passes } = recordingApp(1);
  const pipeline = { synth: () => chart.toJson() };
  pipeline.synth();
  expect(passes).toEqual([false]);
});

test('outside any synthesis', () => {
  expect(continuesSynthesis()).toBe(false);
});

describe('SynthPasses', () => {
  /** An app with `charts` charts and a construct recording the synthesis number on every validation pass. */
  function numberedApp(charts: number): { app: App; chart: Chart; syntheses: number[]; passes: SynthPasses } {
    const app = Testing.app();
    const created = Array.from({ length: charts }, (_, i) => new Chart(app, `chart${i}`));
    const passes = SynthPasses.of(created[0]);
    const syntheses: number[] = [];
    new Construct(created[0], 'probe').node.addValidation({
      validate: () => {
        syntheses.push(passes.synthesis);
        return [];
      },
    });
    return { app, chart: created[0], syntheses, passes };
  }

  test('the passes of one app.synth share a synthesis; every other pass starts one', () => {
    const { app, chart, syntheses } = numberedApp(3);
    app.synth();
    app.synthYaml();
    Testing.synth(chart);
    chart.toJson();
    expect(syntheses).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 4]);
  });

  test('a value is computed once per synthesis', () => {
    const { app, chart, passes } = numberedApp(2);
    let computed = 0;
    new Construct(chart, 'user').node.addValidation({
      validate: () => [`value ${passes.perSynthesis('key', () => ++computed)}`],
    });
    expect(() => app.synth()).toThrow(/value 1/);
    expect(computed).toBe(1);
    expect(() => Testing.synth(chart)).toThrow(/value 2/);
    expect(computed).toBe(2);
  });

  test('one per app, whichever construct asks', () => {
    const { app, chart, passes } = numberedApp(1);
    expect(SynthPasses.of(app)).toBe(passes);
    expect(SynthPasses.of(new Construct(chart, 'deep'))).toBe(passes);
    expect(SynthPasses.of(Testing.app())).not.toBe(passes);
  });
});

describe('workload templates are read once per synthesis', () => {
  /** A Deployment named by `policies` policies, and a count of its renderings. */
  function namedWorkload(policies: number, props: { yamlOutputType?: YamlOutputType } = {}) {
    const app = Testing.app(props);
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const deployment = new ApiObject(chart, 'web', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web', ports: [{ containerPort: 8080 }] }] } } },
    });
    const renderings = jest.spyOn(deployment, 'toJson');
    const made = Array.from({ length: policies }, (_, i) => {
      const policy = new NetworkPolicy(chart, `p${i}`, { target: PolicyTarget.workload(deployment) });
      policy.addIngressRule([Peer.workload(deployment)]);
      return policy;
    });
    return { app, chart, deployment, renderings, policies: made };
  }

  test.each([
    ['app.synth', YamlOutputType.FILE_PER_CHART],
    ['app.synth, a file per resource', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE],
  ])('%s: once for the policies, once more for its own manifest', (_, yamlOutputType) => {
    const { app, renderings } = namedWorkload(5, { yamlOutputType });
    app.synth();
    expect(renderings).toHaveBeenCalledTimes(2);
  });

  test('each Testing.synth reads it anew, and sees a change made in between', () => {
    const { chart, deployment, renderings } = namedWorkload(3);
    Testing.synth(chart);
    expect(renderings).toHaveBeenCalledTimes(2);
    deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/tier', 'front'));
    const selectors = Testing.synth(chart).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.spec.podSelector.matchLabels);
    expect(selectors).toEqual([0, 1, 2].map(() => ({ app: 'web', tier: 'front' })));
    expect(renderings).toHaveBeenCalledTimes(4);
  });

  test('a policy rendered on its own after a synthesis sees the workload as it is then', () => {
    const { chart, deployment, policies } = namedWorkload(1);
    Testing.synth(chart);
    deployment.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/tier', 'front'));
    expect(policies[0].apiObject.toJson().spec.podSelector.matchLabels).toEqual({ app: 'web', tier: 'front' });
  });
});
