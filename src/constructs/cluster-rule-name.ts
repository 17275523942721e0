/** The CRD's limit on a rule name, in characters. */
const MAX_LENGTH = 100;

/** A ClusterNetworkPolicy rule name from its description, shortened to the CRD's 100 characters. */
export function ruleName(description: string): string {
  const characters = [...description];
  return characters.length <= MAX_LENGTH ? description : `${characters.slice(0, MAX_LENGTH - 1).join('')}…`;
}
