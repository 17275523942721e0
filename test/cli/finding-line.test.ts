import { findingLine } from '../../src/cli/finding-line';
import { FindingSeverity } from '../../src/validation/finding';

test.each([
  [{ field: 'spec.ingress[0].ports[0].port', severity: FindingSeverity.ERROR, message: 'Invalid value: 0' }, 'a.yaml:3 shop/np: spec.ingress[0].ports[0].port: Invalid value: 0'],
  [{ field: 'spec.egress[0].to[0].ipBlock.cidr', severity: FindingSeverity.WARNING, message: 'non-canonical' }, 'a.yaml:3 shop/np: spec.egress[0].to[0].ipBlock.cidr: warning: non-canonical'],
  [{ severity: FindingSeverity.ERROR, message: 'not a Kubernetes object' }, 'a.yaml:3 shop/np: not a Kubernetes object'],
])('%j', (finding, line) => {
  expect(findingLine('a.yaml:3', 'shop/np', finding)).toBe(line);
});
