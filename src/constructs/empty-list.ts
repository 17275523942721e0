/**
 * The problem with a list given empty where Kubernetes reads an empty list as "everything" (a
 * rule with `ports: []` admits every port, `from: []` every source), or none.
 *
 * @param list the list as given; absent lists are fine (they have their documented default)
 * @param field the prop that holds it, e.g. `ports`
 * @param everything what Kubernetes would take it for, e.g. `every port`
 * @param fix what to write instead
 */
export function emptyListProblems(list: readonly unknown[] | undefined, field: string, everything: string, fix: string): string[] {
  return list !== undefined && list.length === 0 ? [`${field}: is empty, which Kubernetes reads as ${everything}; ${fix}`] : [];
}
