/** `lifeguard keys`: create, list and revoke API keys directly in the database (works with the service stopped). */
import { apiScopes, createApiKeyStore, isApiScope, type ApiScope } from '../../store/api-key-store.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard keys create --name NAME --scope SCOPE [--scope SCOPE ...] [--json]
       lifeguard keys list [--all] [--json]
       lifeguard keys revoke KEY_ID

Manages API keys in the database named by --data-dir / --database-url (or LIFEGUARD_DATA_DIR /
LIFEGUARD_DATABASE_URL). Scopes: ${apiScopes.join(', ')} (admin may call every route).
A new key's token is printed once; only its SHA-256 hash is stored.`;

export const command: Command = {
  summary: 'create, list and revoke API keys',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const parsed = parseFlags({
      args,
      options: {
        name: { type: 'string' },
        scope: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        json: { type: 'boolean' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = parsed.positionals;
    const v = parsed.values;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw usageError(`expected create, list or revoke\n${usage}`);
    const scopes = (v.scope ?? []).flatMap((s) => s.split(','));
    if (action === 'create') {
      if (!v.name) throw usageError('keys create needs --name');
      if (scopes.length === 0) throw usageError(`keys create needs at least one --scope (${apiScopes.join(', ')})`);
      const bad = scopes.find((s) => !isApiScope(s));
      if (bad !== undefined) throw usageError(`unknown scope '${bad}'; scopes: ${apiScopes.join(', ')}`);
    }
    if (action === 'revoke' && rest.length !== 1) throw usageError('keys revoke needs exactly one KEY_ID');

    const config = cliConfig(io, v);
    // Only `create` may create the database; listing or revoking in a mistyped --data-dir is an error.
    const database = await openCliDatabase(config, { creates: action === 'create' });
    try {
      const keys = createApiKeyStore(database);
      if (action === 'create') {
        const { key, token } = await keys.create({ name: v.name!, scopes: scopes as ApiScope[] });
        if (v.json) io.stdout.write(JSON.stringify({ ...key, token }) + '\n');
        else io.stdout.write(`created ${key.id} (${key.scopes.join(', ')}). Token, shown only now:\n${token}\n`);
      } else if (action === 'list') {
        const list = await keys.list({ includeRevoked: Boolean(v.all) });
        if (v.json) io.stdout.write(JSON.stringify(list) + '\n');
        else {
          for (const k of list) {
            const state = k.revokedAt === null ? 'active' : `revoked ${new Date(k.revokedAt).toISOString()}`;
            io.stdout.write(`${k.id}  ${k.scopes.join(',').padEnd(20)}  ${new Date(k.createdAt).toISOString()}  ${state}  ${k.name}\n`);
          }
          if (list.length === 0) io.stdout.write('no keys\n');
        }
      } else {
        const key = await keys.revoke(rest[0]!);
        io.stdout.write(`revoked ${key.id} (${key.name})\n`);
      }
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
