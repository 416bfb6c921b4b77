import { parseArgs, UsageError } from './args.js';

const accepted = { switches: ['help', 'dry-run'], options: ['application'] };

describe('parseArgs', () => {
  it('reads positionals, switches and options in both spellings', () => {
    const args = parseArgs(['m.json', '--dry-run', '--application', 'orders', '-h'], accepted);
    expect(args.positionals).toEqual(['m.json']);
    expect([...args.switches]).toEqual(['dry-run', 'help']);
    expect(args.options.get('application')).toBe('orders');
    expect(parseArgs(['--application=web'], accepted).options.get('application')).toBe('web');
    expect(parseArgs(['--', '--dry-run'], accepted).positionals).toEqual(['--dry-run']);
  });

  it.each([[['--colour']], [['--application']], [['--application', '--dry-run']], [['--dry-run=yes']]])('refuses %j', (argv) => {
    expect(() => parseArgs(argv, accepted)).toThrow(UsageError);
  });
});
