import { ApiObject } from 'cdk8s';
import { JsonObject } from '../k8s/json-values';

/** The objects rendered during the running `RenderingScope.run` call; none outside one. */
let rendered: Map<ApiObject, JsonObject> | undefined;

/**
 * A span of code in which no construct changes, so each object needs rendering only once: a
 * policy reads a workload's pod template for its selector, its peers and its default ports, the
 * validation reads the policy's manifest, and the app's analysis reads them all.
 */
export class RenderingScope {
  /**
   * Runs `render` rendering each object at most once (`RenderingScope.toJson`). Nothing is kept
   * after `render` returns, so the next scope sees the objects as they are then. Nested calls
   * share the outermost one's renderings.
   *
   * @param shared the renderings to share with other calls, asked for by the outermost call
   * only: when the caller knows that nothing changes in between (the passes of one synthesis),
   * the map they share, which `render` adds to; undefined to render afresh
   */
  public static run<T>(render: () => T, shared?: () => Map<ApiObject, JsonObject> | undefined): T {
    if (rendered !== undefined) {
      return render();
    }
    rendered = shared?.() ?? new Map();
    try {
      return render();
    } finally {
      rendered = undefined;
    }
  }

  /**
   * `apiObject.toJson()`, rendered once per scope; rendered every time outside one. The result is
   * shared by the scope's readers: read it, never change it.
   */
  public static toJson(apiObject: ApiObject): JsonObject {
    let json = rendered?.get(apiObject);
    if (json === undefined) {
      json = apiObject.toJson() as JsonObject;
      rendered?.set(apiObject, json);
    }
    return json;
  }
}
