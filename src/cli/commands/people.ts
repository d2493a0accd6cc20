/**
 * `lifeguard people`: add, list, disable and set the roles of console users directly in the database (works
 * with the service stopped; the first admin is made this way). A password comes from stdin (`--password-stdin`)
 * or is generated and printed once; only its scrypt hash is stored.
 */
import { createAuditLog } from '../../store/audit-log.ts';
import { isRole, roleDescriptions, roles, type Role } from '../../core/people/roles.ts';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../crypto/password-hash.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard people add EMAIL --role ROLE [--role ROLE ...] [--name NAME] [--password-stdin | --no-password]
       lifeguard people list [--json]
       lifeguard people disable EMAIL
       lifeguard people set-role EMAIL --role ROLE [--role ROLE ...]

Manages the people who sign in to the reviewer console (/console), in the database named by --data-dir /
--database-url (or LIFEGUARD_DATA_DIR / LIFEGUARD_DATABASE_URL). Without --password-stdin a password is
generated and printed once; --no-password makes an account for organisation (OpenID Connect) sign-in only.
Disabling a person ends all of their sessions. Every change is written to the audit log.

Roles:
${roles.map((r) => `  ${r.padEnd(22)} ${roleDescriptions[r]}`).join('\n')}`;

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export const command: Command = {
  summary: 'add, list, disable console users and set their roles',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values: v, positionals } = parseFlags({
      args,
      options: {
        role: { type: 'string', multiple: true },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        'no-password': { type: 'boolean' },
        json: { type: 'boolean' },
        ...databaseFlags,
      },
      allowPositionals: true,
      strict: true,
    });
    const [action, email, ...extra] = positionals;
    if (action !== 'add' && action !== 'list' && action !== 'disable' && action !== 'set-role') throw usageError(`expected add, list, disable or set-role\n${usage}`);
    if (action !== 'list' && (email === undefined || extra.length > 0)) throw usageError(`people ${action} needs exactly one EMAIL`);
    const chosen = (v.role ?? []).flatMap((r) => r.split(',')).filter((r) => r !== '');
    const bad = chosen.find((r) => !isRole(r));
    if (bad !== undefined) throw usageError(`unknown role '${bad}'; roles: ${roles.join(', ')}`);
    if ((action === 'add' || action === 'set-role') && chosen.length === 0) throw usageError(`people ${action} needs at least one --role (${roles.join(', ')})`);
    if (v['password-stdin'] && v['no-password']) throw usageError('choose one of --password-stdin and --no-password');

    let password: string | undefined;
    let generated = false;
    if (action === 'add' && !v['no-password']) {
      if (v['password-stdin']) {
        password = await readStdin(io);
        checkPasswordStrength(password);
      } else {
        password = generatePassword();
        generated = true;
      }
    }

    const config = cliConfig(io, v);
    // As before: every people command may create the database (the first admin is added to a new one).
    const database = await openCliDatabase(config, { creates: true });
    try {
      const people = createPeopleStore(database);
      const audit = createAuditLog(database);
      const actor = `cli:${io.env.USER ?? 'unknown'}`.slice(0, 100);
      if (action === 'list') {
        const list = await people.list();
        if (v.json) io.stdout.write(JSON.stringify(list) + '\n');
        else {
          for (const p of list) io.stdout.write(`${p.id}  ${p.email.padEnd(32)}  ${p.roles.join(',').padEnd(30)}  ${p.disabled ? 'disabled' : 'active'}  ${p.displayName}\n`);
          if (list.length === 0) io.stdout.write('no people yet; add the first admin with: lifeguard people add EMAIL --role admin\n');
        }
        return exitCodes.ok;
      }
      const existing = await people.byEmail(email!);
      if (action === 'add') {
        const person = await people.add({ email: email!, roles: chosen as Role[], ...(v.name ? { displayName: v.name } : {}), ...(password ? { passwordHash: await hashPassword(password) } : {}) });
        await audit.append({ actor, action: 'person_added', subject: { type: 'person', id: person.id }, detail: { roles: person.roles, via: 'cli' } });
        io.stdout.write(`added ${person.id} ${person.email} (${person.roles.join(', ')})\n`);
        if (generated) io.stdout.write(`Password, shown only now:\n${password}\n`);
        return exitCodes.ok;
      }
      if (existing === undefined) {
        io.stderr.write(`lifeguard people: no person with the email '${email}'\n`);
        return exitCodes.failure;
      }
      if (action === 'disable') {
        await people.disable(existing.id);
        await audit.append({ actor, action: 'person_disabled', subject: { type: 'person', id: existing.id }, detail: { via: 'cli' } });
        io.stdout.write(`disabled ${existing.email}; their sessions have ended\n`);
      } else {
        const updated = await people.setRoles(existing.id, chosen as Role[]);
        await audit.append({ actor, action: 'role_changed', subject: { type: 'person', id: existing.id }, detail: { from: existing.roles, to: updated.roles, via: 'cli' } });
        io.stdout.write(`${updated.email}: ${updated.roles.join(', ')}\n`);
      }
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
