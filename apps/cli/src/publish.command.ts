import { parseArgs, UsageError } from './args.js';
import { PUBLISH_HELP } from './help.js';
import { EXIT, type Io } from './io.js';
import { describeError, loadManifest } from './manifest-file.js';
import { type Answer, fetchToken, publish, type Publisher } from './publish-client.js';
import { formatDiff, type PublishAnswer } from './publish-output.js';

function publisherFrom(options: Map<string, string>, env: Io['env']): Publisher {
  const pick = (option: string, variable: string) => {
    const value = options.get(option) ?? env[variable];
    if (!value) throw new UsageError(`--${option} or ${variable} is required`);
    return value;
  };
  const issuer = pick('issuer', 'NEXINID_ISSUER').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(issuer)) throw new UsageError(`the issuer must be an http(s) URL (got ${issuer})`);
  return { issuer, clientId: pick('client-id', 'NEXINID_CLIENT_ID'), clientSecret: pick('client-secret', 'NEXINID_CLIENT_SECRET') };
}

function reportRefusal(io: Io, what: string, answer: Answer, file: string, text: string): number {
  const body = answer.body;
  const detail = (body.detail ?? body.error_description ?? body.error ?? `HTTP ${answer.status}`) as string;
  io.err(`${what} refused (${answer.status}${body.code ? ` ${String(body.code)}` : body.error ? ` ${String(body.error)}` : ''}): ${detail}`);
  for (const error of (body.errors as Array<{ field: string; message: string }> | undefined) ?? []) io.err(`  ${describeError(file, text, { path: error.field, message: error.message })}`);
  for (const reference of (body.references as Array<Record<string, string>> | undefined) ?? []) {
    io.err(`  ${reference.kind} ${reference.display} (${reference.id}) uses ${reference.featureKey}:${reference.actionKey}`);
  }
  if (body.code === 'authorization.manifest_permissions_in_use') io.err('Remove those references first, or publish with --prune to delete them.');
  return answer.status >= 500 ? EXIT.usage : EXIT.rejected;
}

export async function publishCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { switches: ['help', 'dry-run', 'prune', 'basic', 'json'], options: ['application', 'issuer', 'client-id', 'client-secret'] });
  if (args.switches.has('help')) {
    io.out(PUBLISH_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length !== 1) throw new UsageError('expected one FILE');
  const applicationKey = args.options.get('application');
  if (!applicationKey) throw new UsageError('--application KEY is required');
  const publisher = publisherFrom(args.options, io.env);
  const [file] = args.positionals;

  const loaded = await loadManifest(file);
  if (!loaded.valid) {
    loaded.problems.forEach((problem) => io.err(problem));
    io.err(`${file}: invalid, not published`);
    return EXIT.rejected;
  }
  let authorization: string | 'basic' = 'basic';
  if (!args.switches.has('basic')) {
    const token = await fetchToken(publisher);
    if ('refused' in token) return reportRefusal(io, 'Token request', token.refused, file, loaded.text);
    authorization = token.token;
  }
  const dryRun = args.switches.has('dry-run');
  const answer = await publish(publisher, authorization, applicationKey, loaded.document, { dryRun, prune: args.switches.has('prune') });
  if (answer.status !== 200) return reportRefusal(io, 'Publish', answer, file, loaded.text);
  if (args.switches.has('json')) io.out(JSON.stringify(answer.body, null, 2));
  else formatDiff(answer.body as unknown as PublishAnswer).forEach((line) => io.out(line));
  return EXIT.ok;
}
