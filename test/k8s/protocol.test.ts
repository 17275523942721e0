import { Protocol } from '../../src/policy';

test('the enum holds exactly the protocol spellings the API server accepts', () => {
  expect(Object.entries(Protocol)).toEqual([['TCP', 'TCP'], ['UDP', 'UDP'], ['SCTP', 'SCTP']]);
});
