/**
 * What `kubectl create -f` (1.37) refuses before sending a NetworkPolicy: an `apiVersion` it cannot
 * read or map to a served resource, and a namespace that cannot be a URL path segment. Metadata that
 * does not decode is `decoding.ts`'s.
 *
 * For a group and version the server does not serve, kubectl validates the document itself, and its
 * check for repeated keys in labels and annotations reads the JSON from that field's value to the next
 * closing brace: when the field is not an object, the keys that follow it count too.
 */
import { stageError } from './field-errors';
import { ValidationFinding, ValidationStage } from './finding';
import { RULE } from './rules';
import { compareGoStrings, goQuote } from '../k8s/go-text';
import { asObject } from '../k8s/json-values';
import { DEFAULT_NAMESPACE, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../k8s/kinds';

/** Problems kubectl's own validation finds; these stop kubectl before anything else. */
export function schemaFindings(manifest: Record<string, unknown>): ValidationFinding[] {
  const problem = schemaProblem(manifest.apiVersion);
  if (problem) return [stageError(ValidationStage.CLIENT, RULE.KIND, 'apiVersion', problem)];
  const { group, version } = parseGroupVersion(manifest.apiVersion as string);
  // The served version asks the server to validate strictly; any other is validated by kubectl.
  if (group === NETWORK_POLICY_GROUP && version === 'v1') return [];
  const repeated = ['labels', 'annotations'].flatMap((field) => {
    const key = repeatedKey(manifest, field);
    return key === undefined ? [] : [{ field: `metadata.${field}`, message: `duplicate key: ${key}` }];
  });
  if (repeated.length === 0) return [];
  // Go's aggregate error: one message as it is, several (without repeats) in brackets.
  const messages = [...new Set(repeated.map((r) => r.message))];
  return [stageError(ValidationStage.CLIENT, RULE.DUPLICATE_KEY, repeated.length === 1 ? repeated[0].field : 'metadata',
    messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`)];
}

/** A JSON token as kubectl's reader sees it: a delimiter, an object key, or any other value. */
type Token = { readonly delimiter: string } | { readonly key: string } | { readonly value: unknown };

/** The first key seen twice from `metadata.<field>`'s value to the next closing brace. */
function repeatedKey(manifest: Record<string, unknown>, field: string): string | undefined {
  const metadata = asObject(manifest.metadata);
  if (!metadata || metadata[field] === undefined) return undefined;
  // The tokens from the field's value to metadata's closing brace, keys sorted as kubectl
  // serializes a YAML document.
  const rest: Token[] = [];
  const metadataKeys = sortedKeys(metadata);
  for (const key of metadataKeys.slice(metadataKeys.indexOf(field))) {
    if (key !== field) rest.push({ key });
    pushTokens(metadata[key], rest);
  }
  // Running out of tokens is reaching metadata's own closing brace.
  const seen = new Set<string>();
  for (const token of rest) {
    if ('delimiter' in token && token.delimiter === '}') return undefined;
    if ('key' in token) {
      if (seen.has(token.key)) return token.key;
      seen.add(token.key);
    }
  }
  return undefined;
}

function pushTokens(value: unknown, out: Token[]): void {
  if (Array.isArray(value)) {
    out.push({ delimiter: '[' });
    value.forEach((item) => pushTokens(item, out));
    out.push({ delimiter: ']' });
  } else if (value !== null && typeof value === 'object') {
    out.push({ delimiter: '{' });
    for (const key of sortedKeys(value as Record<string, unknown>)) {
      out.push({ key });
      pushTokens((value as Record<string, unknown>)[key], out);
    }
    out.push({ delimiter: '}' });
  } else {
    out.push({ value });
  }
}

function sortedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined).sort(compareGoStrings);
}

/**
 * Whether kubectl finds the resource for a readable `apiVersion`: only networking.k8s.io/v1 serves
 * NetworkPolicy. The group without a version maps to it too, but the server then answers 404.
 */
export function apiVersionMappingFindings(apiVersion: unknown): ValidationFinding[] {
  if (typeof apiVersion !== 'string' || schemaProblem(apiVersion)) return [];
  const { group, version } = parseGroupVersion(apiVersion);
  if (group === NETWORK_POLICY_GROUP && version === 'v1') return [];
  if (group === NETWORK_POLICY_GROUP && version === '') {
    return [stageError(ValidationStage.DECODE, RULE.KIND, 'apiVersion', 'the server could not find the requested resource')];
  }
  const shown = group ? `${group}/${version}` : version;
  return [stageError(ValidationStage.CLIENT, RULE.KIND, 'apiVersion',
    `no matches for kind ${goQuote(NETWORK_POLICY_KIND)} in version ${goQuote(shown)}`)];
}

/** The namespace kubectl puts in the URL (`default` when none is written) must be a path segment. */
export function namespacePathFindings(metadata: unknown): ValidationFinding[] {
  const written = asObject(metadata)?.namespace;
  const namespace = typeof written === 'string' && written !== '' ? written : DEFAULT_NAMESPACE;
  const problems = ['.', '..'].includes(namespace)
    ? [`may not be '${namespace}'`]
    : ['/', '%'].filter((text) => namespace.includes(text)).map((text) => `may not contain '${text}'`);
  return problems.length === 0 ? [] : [stageError(ValidationStage.CLIENT, RULE.NAMESPACE, 'metadata.namespace',
    `invalid namespace ${goQuote(namespace)}: [${problems.join(' ')}]`)];
}

function schemaProblem(apiVersion: unknown): string | undefined {
  if (apiVersion === undefined || apiVersion === null) return 'apiVersion not set';
  if (typeof apiVersion !== 'string') return "apiVersion isn't string type";
  return apiVersion.split('/').length > 2 ? `unexpected GroupVersion string: ${apiVersion}` : undefined;
}

// schema.ParseGroupVersion: "" and "/" are the empty group version; "v" is a version of the core group.
function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
