import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The Kubernetes object a construct renders: the construct itself when it is an `ApiObject`
 * (a raw object, an imported `KubeDeployment`), else its default child, recursively, as
 * cdk8s's `ApiObject.of` finds it (cdk8s-plus keeps its object there, with the id `Resource`).
 * Undefined where `ApiObject.of` would throw. `isApiObject` is used, not `instanceof`, so objects
 * of another copy of cdk8s in the app count too.
 */
export function apiObjectOf(construct: IConstruct): ApiObject | undefined {
  let current: IConstruct | undefined = construct;
  while (current !== undefined) {
    if (ApiObject.isApiObject(current)) {
      return current;
    }
    current = current.node.defaultChild;
  }
  return undefined;
}
