import { choiceOption, parseArgs } from '../../src/cli/parse-args';

describe('parseArgs', () => {
  test('separates positionals from options in both spellings', () => {
    const parsed = parseArgs(['a.yaml', '--port', '80', 'b.yaml', '--protocol=UDP'], ['port', 'protocol']);
    expect(parsed.positionals).toEqual(['a.yaml', 'b.yaml']);
    expect([...parsed.options]).toEqual([['port', '80'], ['protocol', 'UDP']]);
  });

  test.each([
    [['--prot', 'UDP'], /unknown option --prot \(options here: --port, --protocol, --help\)/],
    [['--port'], /option --port needs a value/],
    [['--port', '--protocol', 'UDP'], /option --port needs a value/],
    [['--port', '1', '--port', '2'], /option --port is given twice/],
  ])('%j is refused', (args, message) => {
    expect(() => parseArgs(args, ['port', 'protocol'])).toThrow(message);
  });

  test('choiceOption accepts listed values, falls back, and names the choices otherwise', () => {
    expect(choiceOption(parseArgs([], ['format']), 'format', ['text', 'json'], 'text')).toBe('text');
    expect(choiceOption(parseArgs(['--format', 'json'], ['format']), 'format', ['text', 'json'], 'text')).toBe('json');
    expect(() => choiceOption(parseArgs(['--format', 'xml'], ['format']), 'format', ['text', 'json'], 'text'))
      .toThrow('--format must be one of text, json, not "xml"');
  });
});
