import * as kplus from 'cdk8s-plus-27';
import { LabelSelector } from './label-selector';

/** The pods of a cdk8s-plus-27 workload: cdk8s-plus sets this label on every pod template and bare pod it creates. */
export function workloadPodSelector(workload: kplus.AbstractPod): LabelSelector {
  return LabelSelector.of({ labels: { [kplus.Pod.ADDRESS_LABEL]: workload.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL)! } });
}

/** How messages name a cdk8s-plus-27 workload. */
export function workloadDescription(workload: kplus.AbstractPod): string {
  return `${workload.kind}(${workload.node.path})`;
}
