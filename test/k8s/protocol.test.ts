import { Protocol } from '../../src/k8s';

test('the enum holds exactly the protocol spellings the API server accepts', () => {
  expect(Object.entries(Protocol)).toEqual([['TCP', 'TCP'], ['UDP', 'UDP'], ['SCTP', 'SCTP']]);
});
