import { inputError } from '../../src/policy/input-error';

test.each([
  ['PortRange.tcp', ['port 0: out of range'], 'NP-INPUT[PortRange.tcp]: port 0: out of range'],
  ['LabelSelector.of', ['labels key "a b": bad', 'labels["x"] value "y z": bad'], 'NP-INPUT[LabelSelector.of]: labels key "a b": bad; labels["x"] value "y z": bad'],
])('%s with %j', (subject, problems, message) => {
  const error = inputError(subject, problems);
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe(message);
});
