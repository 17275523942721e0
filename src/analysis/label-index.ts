import { CompiledSelector, LabelRequirement, Labels } from './compiled-selector';

/**
 * Finds the items (numbered 0..n-1) that a selector matches without testing every item:
 * the smallest posting list of the selector's positive requirements gives the candidates,
 * and only those are checked against the whole selector.
 */
export class LabelIndex {
  private readonly byLabel = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly everything: number[];

  constructor(private readonly labels: readonly Labels[]) {
    this.everything = labels.map((_, id) => id);
    labels.forEach((itemLabels, id) => {
      for (const [key, value] of Object.entries(itemLabels)) {
        push(this.byKey, key, id);
        push(this.byLabel, labelKey(key, value), id);
      }
    });
  }

  /** The ids of matching items, in increasing order. */
  public select(selector: CompiledSelector): number[] {
    const cheapest = this.cheapestRequirement(selector);
    const candidates = cheapest ? this.posting(cheapest) : this.everything;
    return candidates.filter((id) => selector.matches(this.labels[id]));
  }

  /** How many candidates `select` would check: an upper bound of the number of matches. */
  public candidateCount(selector: CompiledSelector): number {
    const cheapest = this.cheapestRequirement(selector);
    return cheapest ? this.postingSize(cheapest)! : this.everything.length;
  }

  private cheapestRequirement(selector: CompiledSelector): LabelRequirement | undefined {
    let cheapest: LabelRequirement | undefined;
    let cost = this.everything.length;
    for (const requirement of selector.requirements) {
      const size = this.postingSize(requirement);
      if (size !== undefined && size < cost) {
        cost = size;
        cheapest = requirement;
      }
    }
    return cheapest;
  }

  /** How many items a positive requirement can match; undefined for negative ones. */
  private postingSize(requirement: LabelRequirement): number | undefined {
    switch (requirement.operator) {
      case 'In':
        return requirement.values.reduce((sum, value) => sum + (this.byLabel.get(labelKey(requirement.key, value))?.length ?? 0), 0);
      case 'Exists':
        return this.byKey.get(requirement.key)?.length ?? 0;
      default:
        return undefined;
    }
  }

  private posting(requirement: LabelRequirement): number[] {
    if (requirement.operator === 'Exists') {
      return this.byKey.get(requirement.key) ?? [];
    }
    // An item has one value per key, so the per-value lists are disjoint.
    const ids = [...new Set(requirement.values)].flatMap((value) => this.byLabel.get(labelKey(requirement.key, value)) ?? []);
    return requirement.values.length > 1 ? ids.sort((a, b) => a - b) : ids;
  }
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) {
    list.push(id);
  } else {
    map.set(key, [id]);
  }
}
