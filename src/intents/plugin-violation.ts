import { ClusterModel } from '../analysis/cluster-model';
import { ManifestDocument } from '../analysis/manifest-document';

/**
 * The shapes of cdk8s-cli's validation plugin contract (`cdk8s-cli/lib/plugins/validation`),
 * written out so the library needs no cdk8s-cli at run time.
 */

/** One manifest file cdk8s synthesized, with its documents. */
export interface SynthesizedManifest {
  /** The file's path, as cdk8s-cli gives it. */
  readonly path: string;
  /** Its YAML documents as plain objects. */
  readonly documents: unknown[];
}

/** A resource a violation is about: cdk8s-cli maps its name to the construct path. */
export interface ViolatingResource {
  readonly resourceName: string;
  /** Field paths inside the resource (or the intents file). */
  readonly locations: string[];
  readonly manifestPath: string;
}

/** One problem, as cdk8s-cli prints it in its report table. */
export interface PluginViolation {
  /** A stable id: a validation rule (`NP-VAL-PORT`), an intent id, `NP-INPUT`. */
  readonly ruleName: string;
  /** What is wrong. */
  readonly recommendation: string;
  /** What to change. */
  readonly fix: string;
  readonly violatingResources: ViolatingResource[];
  /** Whether it fails the synthesis (warnings are printed but pass). */
  readonly failing: boolean;
}

/** One kind of check the plugin runs over the synthesized manifests: API-server validation, the intents file, the lints. */
export interface ManifestCheck {
  /** What the summary calls it, e.g. `apiServerValidation`. */
  readonly name: string;
  run(input: ManifestInput): PluginViolation[];
}

/**
 * The synthesized manifests of one validation, and what the checks read from them: the
 * documents and the cluster model, each made once, when a check first asks for it.
 */
export class ManifestInput {
  private read?: { documents: ManifestDocument[]; manifestOf: Map<string, string> };
  private built?: ClusterModel;

  constructor(public readonly manifests: readonly SynthesizedManifest[], private readonly strictCidr: boolean) {}

  /** The documents with their origins (`<path>:<index>`), and the manifest path of each origin. */
  public get documents(): { documents: ManifestDocument[]; manifestOf: Map<string, string> } {
    this.read ??= documentsOf(this.manifests);
    return this.read;
  }

  /** The cluster model of the documents. */
  public get model(): ClusterModel {
    this.built ??= ClusterModel.fromManifests(this.documents.documents, { strictCidr: this.strictCidr });
    return this.built;
  }
}

/** The manifests' documents for a model, each with its origin (`<path>:<index>`), and the manifest path of each origin. */
function documentsOf(manifests: readonly SynthesizedManifest[]): { documents: ManifestDocument[]; manifestOf: Map<string, string> } {
  const manifestOf = new Map<string, string>();
  const documents: ManifestDocument[] = [];
  for (const manifest of manifests) {
    manifest.documents.forEach((document, i) => {
      const origin = `${manifest.path}:${i}`;
      manifestOf.set(origin, manifest.path);
      documents.push({ manifest: document, origin });
    });
  }
  return { documents, manifestOf };
}
