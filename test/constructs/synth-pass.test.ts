import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { continuesSynthesis, SynthPasses } from '../../src/constructs/synth-pass';

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
