import { IConstruct } from 'constructs';
import { ConnectionReport } from './connection-report';
import { ClusterModel } from '../analysis/cluster-model';
import { ConnectionEntry, ConnectionsQuery } from '../analysis/connection';
import { Evaluator } from '../analysis/evaluator';
import { renderApp } from '../intents/app-manifests';

/**
 * Every connection a cdk8s app's policies allow, over every port: the app's objects rendered as
 * synthesis renders them, evaluated, and listed sorted (by source, destination, protocol), so a
 * snapshot of the listing shows a change to the policies as the connections it opens or closes,
 * rather than as YAML.
 *
 * @example
 * test('what the shop may reach', () => {
 *   const app = Testing.app();
 *   new ShopChart(app, 'shop');
 *   expect(AppConnections.of(app).toText()).toMatchSnapshot();
 * });
 */
export class AppConnections {
  /**
   * The connections of the app (or chart) `scope` belongs to, as its objects render now.
   *
   * @param scope any construct of the app
   * @param query only the connections from or to a namespace or workload
   */
  public static of(scope: IConstruct, query: ConnectionsQuery = {}): AppConnections {
    const manifests = renderApp(scope.node.root);
    const model = ClusterModel.fromManifests(manifests.documents, { clusterNetworkPolicyChannel: manifests.clusterNetworkPolicyChannel });
    return new AppConnections(new Evaluator(model).connections(query));
  }

  /** One entry per (from, to, protocol) with its merged port ranges, sorted. */
  public readonly entries: ConnectionEntry[];

  private constructor(entries: ConnectionEntry[]) {
    this.entries = entries;
  }

  /** Text grouped by source: `-> shop/db  TCP 5432`. */
  public toText(): string {
    return ConnectionReport.toText(this.entries);
  }

  /** `{"connections": [...]}`, one entry per line. */
  public toJson(): string {
    return ConnectionReport.toJson(this.entries);
  }
}
