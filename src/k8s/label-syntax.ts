/**
 * The name syntaxes of Kubernetes 1.37 (apimachinery `util/validation` and `api/validate/content`),
 * each returning the server's detail messages; an empty array means the text is valid. Lengths are
 * counted in UTF-8 bytes, as Go's `len` counts them, whichever unit the message names.
 */

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX = 63;

const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MAX = 63;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_LABEL_MAX = 63;

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MAX = 253;

const PORT_NAME_MAX = 15;

/**
 * A label key, which is also what the server checks annotation keys (lower-cased by the caller) and
 * finalizer names against: an optional DNS subdomain prefix and '/', then a name part.
 */
export function labelKeyErrors(key: string): string[] {
  if (typeof key !== 'string') return [notAString(key)];
  const parts = key.split('/');
  if (parts.length > 2) {
    return [`a valid label key ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errors: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    // The prefix is measured in bytes here, unlike an object name (content.IsDNS1123Subdomain).
    if (prefix === '') errors.push('prefix part must be non-empty');
    else errors.push(...subdomainErrors(prefix, maxBytes).map((msg) => `prefix part ${msg}`));
  }
  if (name === '') errors.push('name part must be non-empty');
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errors.push(`name part ${maxBytes(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME_RE.test(name)) errors.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

/** A label value: empty, or at most 63 bytes of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueErrors(value: string): string[] {
  if (typeof value !== 'string') return [notAString(value)];
  const errors: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX) errors.push(maxBytes(LABEL_VALUE_MAX));
  if (!LABEL_VALUE_RE.test(value)) errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errors;
}

/**
 * A DNS-1123 subdomain, e.g. an object name (at most 253 characters, dots allowed, no per-label limit).
 * @param bytes its length in UTF-8 bytes, given when `name` stands for bytes that are not valid UTF-8
 */
export function dns1123SubdomainErrors(name: string, bytes?: number): string[] {
  if (typeof name !== 'string') return [notAString(name)];
  return subdomainErrors(name, maxChars, bytes ?? byteLength(name));
}

/** A DNS-1123 label, e.g. a namespace name (at most 63 characters, no dots). */
export function dns1123LabelErrors(name: string): string[] {
  if (typeof name !== 'string') return [notAString(name)];
  const errors: string[] = [];
  if (byteLength(name) > DNS1123_LABEL_MAX) errors.push(maxChars(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL_RE.test(name)) {
    // A valid subdomain of the right length can only have failed on its dots.
    errors.push(DNS1123_SUBDOMAIN_RE.test(name) ? 'must not contain dots' : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errors;
}

/** A named port (IANA_SVC_NAME); every broken sub-rule is its own message, as the server reports them. */
export function portNameErrors(name: string): string[] {
  if (typeof name !== 'string') return [notAString(name)];
  const errors: string[] = [];
  if (byteLength(name) > PORT_NAME_MAX) errors.push(maxChars(PORT_NAME_MAX));
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/** A port number: an integer from 1 to 65535. */
export function portNumberErrors(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

function subdomainErrors(name: string, tooLong: (max: number) => string, bytes: number = byteLength(name)): string[] {
  const errors: string[] = [];
  if (bytes > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN_RE.test(name)) errors.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errors;
}

// The server's format: "<msg> (e.g. 'a',  or 'b', regex used for validation is '<fmt>')", double space included.
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  const samples = examples.map((example) => `'${example}', `).join(' or ');
  return `${msg} (e.g. ${samples}regex used for validation is '${fmt}')`;
}

function maxBytes(max: number): string {
  return `must be no more than ${max} bytes`;
}

function maxChars(max: number): string {
  return `must be no more than ${max} characters`;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The message for a value of another type, as plain JavaScript can pass one where a string belongs. */
function notAString(value: unknown): string {
  return `must be a string, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
}
