import { choiceOption, ParsedArgs } from './parse-args';

/** `--cidr strict|legacy`: which CIDR forms a policy may use (servers before 1.36 accepted more). */
export const CIDR_OPTION = 'cidr';

/** Whether `--cidr` asks for the strict CIDR rules (the default) rather than the legacy ones. */
export function strictCidr(parsed: ParsedArgs): boolean {
  return choiceOption(parsed, CIDR_OPTION, ['strict', 'legacy'], 'strict') === 'strict';
}
