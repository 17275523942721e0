/**
 * The oracle's verdicts as the fixtures keep them (README.md here says how they are made).
 */
import { createHash } from 'crypto';
import { join } from 'path';
import { compareGoStrings } from '../../../src/k8s/go-text';

/** The release the oracle links (kube-apiserver and kubectl). */
export const KUBERNETES_VERSION = '1.37.2';

/** What Kubernetes 1.37.2 answered `kubectl create -f` of one document. */
export interface OracleVerdict {
  /** `decode`, `route` or `admission` (refused before validation), `validate` (422) or `ok` (201). */
  readonly stage: string;
  /** `kubectl` when nothing was sent, else `apiserver`. */
  readonly by: string;
  /** The HTTP status, 0 when kubectl refused. */
  readonly code: number;
  /** The error text when the object was refused before validation, its file name written `FILE`. */
  readonly message?: string;
  /** The 422's causes, as the server returned them. */
  readonly causes: readonly { readonly field: string; readonly message: string }[];
  /** The `Warning:` headers. */
  readonly warnings: readonly string[];
}

/** One fixture file. */
export interface OracleFixture {
  readonly kubernetes: string;
  readonly corpus: string;
  /** In corpus order; `sha256` is the digest of the document as it was sent (`sentText`). */
  readonly cases: readonly { readonly id: string; readonly sha256: string; readonly verdict: OracleVerdict }[];
}

/** A document as the oracle read it: JSON with its keys sorted as kubectl sends them. */
export function sentText(document: unknown): string {
  return JSON.stringify(sortKeys(document));
}

/** The digest that ties a verdict to its document. */
export function digest(document: unknown): string {
  return createHash('sha256').update(sentText(document)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort(compareGoStrings).map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** The seed and size of the fuzzed corpus. */
export const FUZZ_SEED = 1337;
export const FUZZ_COUNT = 3000;

/** Where the fixtures are. */
export const FIXTURES: Record<string, string> = {
  curated: join(__dirname, '..', 'fixtures', `oracle-${KUBERNETES_VERSION}-curated.json`),
  fuzz: join(__dirname, '..', 'fixtures', `oracle-${KUBERNETES_VERSION}-fuzz.json`),
};
