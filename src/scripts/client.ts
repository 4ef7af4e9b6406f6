import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { runCommand } from './command';
import { openEmbeddedDatabase } from '../db/embedded';
import type { ApiClientSummary } from '../modules/api-client/api-client.service';

const USAGE = `Manage API clients (keys are shown once, stored only as a hash).

  npm run client:create -- --name <name> --roles ADMIN|REGION_OPERATOR|DEPARTMENT_PARTNER|ANALYST[,…]
                           [--department <department code>] [--region <region code>]
  npm run client:rotate -- --name <name or id>     new key; the old one stops working at once
  npm run client:revoke -- --name <name or id>     the key stops working for good
  npm run client:list

Uses DATABASE_URL, or the embedded database when it is unset (stop the server first: the embedded
data folder cannot be opened by two processes).`;

function describe(client: ApiClientSummary): string {
  const scope = [client.departmentCode && `department ${client.departmentCode}`, client.regionCode && `region ${client.regionCode}`].filter(Boolean).join(', ');
  const state = client.active ? 'active' : `revoked ${client.revokedAt?.toISOString()}`;
  return `${client.name}  [${client.roles.join(', ')}]${scope ? `  ${scope}` : ''}  key ${client.keyHint}…  ${state}  id ${client.id}`;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, roles: { type: 'string' }, department: { type: 'string' }, region: { type: 'string' } },
    strict: true,
  });
  if (!['create', 'rotate', 'revoke', 'list'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command !== 'list' && !values.name) {
    process.stderr.write(`--name is required\n\n${USAGE}\n`);
    return 2;
  }

  const config = loadConfig();
  // The embedded database opens on its own thread while the ORM and the service load.
  const embedded = config.databaseUrl ? undefined : openEmbeddedDatabase(config.embeddedDataDir, config.embeddedImageDir);
  embedded?.catch(() => undefined); // awaited in openDatabase; not an unhandled rejection meanwhile
  const { openDatabase } = await import('../db/database');
  const { pendingMigrations } = await import('../db/orm');
  const { ApiClientError, createApiClient, listApiClients, revokeApiClient, rotateApiClientKey } = await import('../modules/api-client/api-client.service');
  const database = await openDatabase(config, { embedded });
  try {
    const pending = await pendingMigrations(database.orm);
    if (pending.length) throw new ApiClientError(`run npm run db:migrate first (pending: ${pending.join(', ')})`);
    const em = database.orm.em.fork();
    if (command === 'list') {
      const clients = await listApiClients(em);
      process.stdout.write(clients.length ? `${clients.map(describe).join('\n')}\n` : 'no API clients yet\n');
    } else if (command === 'revoke') {
      process.stdout.write(`revoked: ${describe(await revokeApiClient(em, values.name!))}\n`);
    } else {
      const issued =
        command === 'create'
          ? await createApiClient(em, { name: values.name!, roles: (values.roles ?? '').split(','), departmentCode: values.department, regionCode: values.region })
          : await rotateApiClientKey(em, values.name!);
      process.stdout.write(`${describe(issued.client)}\n\nKey (shown this once; store it now):\n\n    ${issued.key}\n\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(main);
