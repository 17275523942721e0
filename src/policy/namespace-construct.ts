import { IConstruct } from 'constructs';
import { apiObjectOf } from './api-object-of';
import { InputError } from '../k8s/input-error';

/**
 * The name of the Namespace a construct renders: a cdk8s-plus `Namespace` of any line, an
 * imported `KubeNamespace` or an `ApiObject` of kind `Namespace`.
 *
 * @param subject the factory, for messages (`Peer.allPodsIn`)
 */
export function namespaceConstructName(subject: string, construct: IConstruct): string {
  const apiObject = apiObjectOf(construct);
  if (apiObject?.kind !== 'Namespace') {
    const renders = apiObject === undefined ? 'renders no Kubernetes object' : `renders a ${apiObject.kind}`;
    throw new InputError(subject, [`${construct.node.path} ${renders}; pass a Namespace (a cdk8s-plus Namespace, an imported KubeNamespace, or an ApiObject of kind Namespace)`]);
  }
  return apiObject.name;
}
