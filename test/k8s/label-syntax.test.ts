import {
  dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors, portNameErrors, portNumberErrors,
} from '../../src/k8s/label-syntax';

const KEY_REGEX_ERROR = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
  + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX_ERROR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
  + "an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const SUBDOMAIN_REGEX_ERROR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
  + "with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_REGEX_ERROR = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an "
  + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('labelKeyErrors', () => {
  test.each([
    'app', 'App', 'a', 'my.name', 'my_name', '123-abc', 'k'.repeat(63),
    'example.com/app', 'example.com/App', 'kubernetes.io/metadata.name', `${'a'.repeat(253)}/x`,
  ])('accepts %j', (key) => {
    expect(labelKeyErrors(key)).toEqual([]);
  });

  test.each([
    ['', ['name part must be non-empty', KEY_REGEX_ERROR]],
    ['web server', [KEY_REGEX_ERROR]],
    ['-app', [KEY_REGEX_ERROR]],
    ['app.', [KEY_REGEX_ERROR]],
    ['k'.repeat(64), ['name part must be no more than 63 bytes']],
    ['/app', ['prefix part must be non-empty']],
    ['example.com/', ['name part must be non-empty', KEY_REGEX_ERROR]],
    ['Example.com/app', [`prefix part ${SUBDOMAIN_REGEX_ERROR}`]],
    // The prefix of a key is measured in bytes, and says so (Kubernetes >= 1.35).
    [`${'a'.repeat(254)}/x`, ['prefix part must be no more than 253 bytes']],
    [`${'é'.repeat(127)}/x`, ['prefix part must be no more than 253 bytes', `prefix part ${SUBDOMAIN_REGEX_ERROR}`]],
  ])('rejects %j', (key, errors) => {
    expect(labelKeyErrors(key)).toEqual(errors);
  });

  test('more than one slash gets a single message describing the whole key', () => {
    const errors = labelKeyErrors('example.com/app/name');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^a valid label key must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  });

});

describe('labelValueErrors', () => {
  test.each(['', 'web', 'MyValue', 'my_value', '12345', 'a.b-c_d', 'v'.repeat(63)])('accepts %j', (value) => {
    expect(labelValueErrors(value)).toEqual([]);
  });

  test.each([
    ['web server', [VALUE_REGEX_ERROR]],
    ['-web', [VALUE_REGEX_ERROR]],
    ['web_', [VALUE_REGEX_ERROR]],
    ['a/b', [VALUE_REGEX_ERROR]],
    ['v'.repeat(64), ['must be no more than 63 bytes']],
    ['é', [VALUE_REGEX_ERROR]],
    [`${'v'.repeat(62)}é`, ['must be no more than 63 bytes', VALUE_REGEX_ERROR]], // 64 bytes in UTF-8
  ])('rejects %j', (value, errors) => {
    expect(labelValueErrors(value)).toEqual(errors);
  });
});

describe('dns1123SubdomainErrors', () => {
  test.each(['np', 'allow-web', 'a.b.c', '0', 'x'.repeat(100), 'x'.repeat(253)])('accepts %j (no per-label limit)', (name) => {
    expect(dns1123SubdomainErrors(name)).toEqual([]);
  });

  test.each([
    ['Allow-Web', [SUBDOMAIN_REGEX_ERROR]],
    ['allow_web', [SUBDOMAIN_REGEX_ERROR]],
    ['allow-web-', [SUBDOMAIN_REGEX_ERROR]],
    ['.np', [SUBDOMAIN_REGEX_ERROR]],
    ['a..b', [SUBDOMAIN_REGEX_ERROR]],
    ['', [SUBDOMAIN_REGEX_ERROR]],
    ['x'.repeat(254), ['must be no more than 253 characters']],
    ['é'.repeat(127), ['must be no more than 253 characters', SUBDOMAIN_REGEX_ERROR]],
  ])('rejects %j', (name, errors) => {
    expect(dns1123SubdomainErrors(name)).toEqual(errors);
  });

  test('the length can be given for bytes that are not valid UTF-8', () => {
    expect(dns1123SubdomainErrors('x'.repeat(253), 254)).toEqual(['must be no more than 253 characters']);
  });
});

describe('dns1123LabelErrors', () => {
  test.each(['default', 'team-a', '123-abc', 'n'.repeat(63)])('accepts %j', (name) => {
    expect(dns1123LabelErrors(name)).toEqual([]);
  });

  test.each([
    ['Team_A', [LABEL_REGEX_ERROR]],
    // A valid subdomain fails only on its dots, and is told so.
    ['team.a', ['must not contain dots']],
    ['Team.a', [LABEL_REGEX_ERROR]],
    ['team.', [LABEL_REGEX_ERROR]],
    ['-team', [LABEL_REGEX_ERROR]],
    ['n'.repeat(64), ['must be no more than 63 characters']],
    [`${'n'.repeat(64)}.b`, ['must be no more than 63 characters', 'must not contain dots']],
  ])('rejects %j', (name, errors) => {
    expect(dns1123LabelErrors(name)).toEqual(errors);
  });
});

describe('portNameErrors (IANA_SVC_NAME)', () => {
  test.each(['http', 'grpc-web-health', '8080-tcp', 'a', 'h2c', 'a1-b2'])('accepts %j', (name) => {
    expect(portNameErrors(name)).toEqual([]);
  });

  test.each([
    ['8080', ['must contain at least one letter (a-z)']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['Http', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['web_http', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['grpc-web-healths', ['must be no more than 15 characters']],
    ['web--http', ['must not contain consecutive hyphens']],
    ['-http', ['must not begin or end with a hyphen']],
    ['http-', ['must not begin or end with a hyphen']],
    ['--', ['must contain at least one letter (a-z)', 'must not contain consecutive hyphens', 'must not begin or end with a hyphen']],
  ])('rejects %j', (name, errors) => {
    expect(portNameErrors(name)).toEqual(errors);
  });
});

describe('portNumberErrors', () => {
  test.each([1, 80, 65535])('accepts %d', (port) => {
    expect(portNumberErrors(port)).toEqual([]);
  });

  test.each([0, -1, 65536, 80.5, NaN, Infinity])('rejects %d', (port) => {
    expect(portNumberErrors(port)).toEqual(['must be between 1 and 65535, inclusive']);
  });
});
