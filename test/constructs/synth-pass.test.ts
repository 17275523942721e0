import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { continuesSynthesis } from '../../src/assertions/synth-pass';

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
