import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { RenderingScope } from '../../src/policy/rendering-scope';

function configMap(): ApiObject {
  return new ApiObject(Testing.chart(), 'settings', { apiVersion: 'v1', kind: 'ConfigMap', data: { mode: 'a' } });
}

describe('RenderingScope', () => {
  test('renders an object once per scope, nested scopes included; outside one, every time', () => {
    const object = configMap();
    const toJson = jest.spyOn(object, 'toJson');
    const inside = RenderingScope.run(() => [RenderingScope.toJson(object), RenderingScope.run(() => RenderingScope.toJson(object))]);
    expect(inside[0]).toBe(inside[1]);
    expect(toJson).toHaveBeenCalledTimes(1);
    RenderingScope.toJson(object);
    RenderingScope.toJson(object);
    expect(toJson).toHaveBeenCalledTimes(3);
  });

  test('each scope sees the object as it is when the scope runs', () => {
    const object = configMap();
    expect(RenderingScope.run(() => RenderingScope.toJson(object).data)).toEqual({ mode: 'a' });
    object.addJsonPatch(JsonPatch.replace('/data/mode', 'b'));
    expect(RenderingScope.run(() => RenderingScope.toJson(object).data)).toEqual({ mode: 'b' });
  });

  test('a scope given a shared map adds its renderings to it and reads them back; nested scopes do not ask for it', () => {
    const object = configMap();
    const shared = new Map<ApiObject, any>();
    RenderingScope.run(() => RenderingScope.toJson(object), () => shared);
    expect([...shared.keys()]).toEqual([object]);
    object.addJsonPatch(JsonPatch.replace('/data/mode', 'b'));
    expect(RenderingScope.run(() => RenderingScope.toJson(object).data, () => shared)).toEqual({ mode: 'a' });
    const asked = jest.fn(() => shared);
    RenderingScope.run(() => RenderingScope.run(() => RenderingScope.toJson(object), asked));
    expect(asked).not.toHaveBeenCalled();
  });

  test('the scope ends when its function throws', () => {
    const object = configMap();
    const toJson = jest.spyOn(object, 'toJson');
    expect(() => RenderingScope.run(() => {
      RenderingScope.toJson(object);
      throw new RangeError('stop');
    })).toThrow('stop');
    RenderingScope.toJson(object);
    expect(toJson).toHaveBeenCalledTimes(2);
  });
});
