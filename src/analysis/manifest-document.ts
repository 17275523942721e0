/**
 * One Kubernetes object to analyse, with where it came from.
 */
export interface ManifestDocument {
  /**
   * The object as plain JSON (one YAML document, an object rendered by a cdk8s app, or a
   * `kind: List` whose items are read one by one).
   */
  readonly manifest: any;

  /**
   * Where the object came from, quoted in findings and explanations: a construct path, or
   * `<file>:<document index>`.
   *
   * @default - `document <position in the list>`
   */
  readonly origin?: string;
}
