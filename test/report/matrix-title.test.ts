import { twoTierModel } from './cluster';
import { Evaluator } from '../../src/analysis/evaluator';
import { Protocol } from '../../src/k8s/protocol';
import { matrixTitle } from '../../src/report/matrix-title';

test('a matrix is titled by its protocol and port, number or name', () => {
  const evaluator = new Evaluator(twoTierModel());
  expect(matrixTitle(evaluator.matrix({ port: 5432 }))).toBe('Reachability on TCP/5432');
  expect(matrixTitle(evaluator.matrix({ portName: 'pg', protocol: Protocol.UDP }))).toBe('Reachability on UDP/pg');
});
