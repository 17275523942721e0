import { ClusterModel } from '../analysis/cluster-model';
import { Evaluator } from '../analysis/evaluator';

/** The app's manifests as the evaluator sees them, with the lookups intents need. */
export interface AppModel {
  readonly model: ClusterModel;
  readonly evaluator: Evaluator;
  /** Workload indexes by the construct path of their ApiObject (the model's `origin`). */
  readonly workloadsByOrigin: ReadonlyMap<string, number>;
  /** Workload indexes by the name the evaluator gives them (`namespace/name`, or `namespace/kind/name` where kinds share a name). */
  readonly workloadsByName: ReadonlyMap<string, number>;
}

/** One endpoint a connection query can name. */
export interface EndpointMember {
  /** The evaluator's name for it: `namespace/name` of a workload, or an IP address. */
  readonly name: string;
  /** The model's index of the workload, when it is one. */
  readonly workload?: number;
}

/** Builds the model and its lookups from the app's rendered objects. */
export function appModel(model: ClusterModel): AppModel {
  const workloadsByOrigin = new Map<string, number>();
  const workloadsByName = new Map<string, number>();
  model.workloads.forEach((workload, i) => {
    workloadsByOrigin.set(workload.origin, i);
    workloadsByName.set(workload.endpoint, i);
  });
  return { model, evaluator: new Evaluator(model), workloadsByOrigin, workloadsByName };
}
