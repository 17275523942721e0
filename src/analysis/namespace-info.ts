/** A namespace of the cluster model, declared or implied by the objects in it. */
export interface NamespaceInfo {
  /** The namespace's name. */
  readonly name: string;

  /** Its labels, always including `kubernetes.io/metadata.name=<name>` as the control plane sets it. */
  readonly labels: { [key: string]: string };

  /** Whether a Namespace object declared it (false when only objects in it imply it). */
  readonly declared: boolean;

  /**
   * Where the Namespace object came from.
   *
   * @default - the namespace is implied, not declared
   */
  readonly origin?: string;
}
