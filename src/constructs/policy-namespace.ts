import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PolicyTarget } from './policy-target';

/** Where a policy goes, and why it cannot go anywhere when the inputs disagree. */
export interface ResolvedNamespace {
  readonly namespaceName?: string;
  readonly problems: string[];
}

/**
 * A policy's namespace: `metadata.namespace`, else the target's, else the chart's. A policy
 * selects pods only in its own namespace, so an explicit namespace that differs from the
 * target's, or a workload target whose namespace is unknown, is a problem.
 *
 * @param targetField how the caller's props name the target, e.g. `target` or `source`
 * @param metadataField how they name the metadata, e.g. `metadata` or `egressMetadata`
 */
export function resolveNamespace(scope: IConstruct, metadataNamespace: string | undefined, target: PolicyTarget,
  targetField: string, metadataField: string): ResolvedNamespace {
  const problems: string[] = [];
  if (metadataNamespace !== undefined && target.namespaceName !== undefined && metadataNamespace !== target.namespaceName) {
    problems.push(`${metadataField}.namespace ${JSON.stringify(metadataNamespace)}: ${targetField} ${target} is in namespace `
      + `${JSON.stringify(target.namespaceName)}, and a policy selects pods only in its own namespace; leave ${metadataField}.namespace out or make them agree`);
  }
  const namespaceName = metadataNamespace ?? target.namespaceName ?? Chart.of(scope).namespace;
  if (target._workload() !== undefined && target.namespaceName === undefined && namespaceName !== undefined) {
    problems.push(`${targetField}: ${target} has no namespace (neither its own nor its chart's), so its pods may not run in `
      + `${JSON.stringify(namespaceName)} where the policy goes; give the workload or its chart a namespace`);
  }
  return { namespaceName, problems };
}
