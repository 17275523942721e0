import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { labelMapFindings } from '../../src/validation/label-map';

test.each([
  [{}],
  [{ 'app': 'web', 'tier': '', 'example.com/App': 'v', 'kubernetes.io/metadata.name': 'prod' }],
  [{ app: null }], // null decodes to ""
  [undefined],
])('accepts %j', (labels) => {
  expect(labelMapFindings(labels, 'x.labels', 'RULE')).toEqual([]);
});

test('reports at the map path, showing the bad key or value, key first', () => {
  expect(labelMapFindings({ 'bad key': 'bad value', 'ok': 'v'.repeat(64) }, 'spec.podSelector.matchLabels', 'RULE')).toEqual([
    { field: 'spec.podSelector.matchLabels', message: expect.stringMatching(/^Invalid value: "bad key": name part must consist of/), severity: FindingSeverity.ERROR, rule: 'RULE', stage: ValidationStage.VALIDATE },
    { field: 'spec.podSelector.matchLabels', message: expect.stringMatching(/^Invalid value: "bad value": a valid label must be an empty string/), severity: FindingSeverity.ERROR, rule: 'RULE', stage: ValidationStage.VALIDATE },
    { field: 'spec.podSelector.matchLabels', message: `Invalid value: "${'v'.repeat(64)}": must be no more than 63 bytes`, severity: FindingSeverity.ERROR, rule: 'RULE', stage: ValidationStage.VALIDATE },
  ]);
});

test('a value of the wrong type is left to the decoding check', () => {
  expect(labelMapFindings({ app: 1 }, 'x', 'RULE')).toEqual([]);
});
