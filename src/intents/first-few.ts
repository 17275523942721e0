/** How many items a message lists before it counts the rest. */
const LISTED = 5;

/** The first few `items` joined by `separator`, then how many more there are: `a, b, c, d, e and 3 more`. */
export function firstFew(items: readonly string[], separator: string = ', '): string {
  const shown = items.slice(0, LISTED).join(separator);
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}
