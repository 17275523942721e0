import { ModelFinding } from '../../src/analysis';
import { FindingReport } from '../../src/report';
import { FindingSeverity } from '../../src/validation';

const FINDINGS: ModelFinding[] = [
  { severity: FindingSeverity.WARNING, origin: 'app/agent/Resource', subject: 'app/agent', field: 'spec.hostNetwork', message: 'uses the node network', rule: 'NP-INPUT-HOST-NETWORK' },
  { severity: FindingSeverity.ERROR, origin: 'app/raw', subject: 'app/raw', field: 'spec.ingress[0].ports[0].port', message: 'Invalid value: 0 | see docs', rule: 'NP-VAL-PORT' },
  { severity: FindingSeverity.WARNING, origin: 'app/copy', subject: 'app/web', field: '', message: 'Deployment defined again', rule: 'NP-INPUT-DUPLICATE' },
];

test('a table with the errors first', () => {
  expect(FindingReport.toMarkdown(FINDINGS)).toBe([
    '1 error, 2 warnings.',
    '',
    '| severity | object | field | message | origin |',
    '| --- | --- | --- | --- | --- |',
    '| error | app/raw | `spec.ingress[0].ports[0].port` | Invalid value: 0 \\| see docs | app/raw |',
    '| warning | app/agent | `spec.hostNetwork` | uses the node network | app/agent/Resource |',
    '| warning | app/web |  | Deployment defined again | app/copy |',
    '',
  ].join('\n'));
});

test('values, keys and paths from the input cannot open raw HTML (issue 16)', () => {
  const finding: ModelFinding = {
    severity: FindingSeverity.ERROR,
    origin: '<b>.yaml:3',
    subject: 'x/<img src=x>',
    field: 'spec.`<script>`',
    message: 'Invalid value: "<script>alert(1)</script>"',
    rule: 'NP-VAL-NAME',
  };
  expect(FindingReport.toMarkdown([finding]).split('\n')[4])
    .toBe('| error | x/\\<img src=x> | spec.`\\<script>` | Invalid value: "\\<script>alert(1)\\</script>" | \\<b>.yaml:3 |');
});

test('no findings', () => {
  expect(FindingReport.toMarkdown([])).toBe('0 errors, 0 warnings.\n\n_None: every object was read as written._\n');
});
