import http from 'node:http';
import { Pool } from 'pg';
import { FLOOR_QUERIES, type Scenario } from './scenarios';

/**
 * The benchmark's floor: each page as ONE hand-written json_agg statement through pg on bare Node
 * http — what answering costs with nothing between the socket and PostgreSQL. POST /<scenario>
 * with a JSON body of its parameters. argv[2] is the database URL.
 */
const pool = new Pool({ connectionString: process.argv[2], max: 10 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const scenario = (req.url ?? '').slice(1) as Scenario;
    const statement = FLOOR_QUERIES[scenario];
    if (!statement) {
      res.writeHead(404).end();
      return;
    }
    const params = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    pool
      .query<{ page: unknown }>(statement.text, statement.params(params))
      .then(({ rows }) => {
        const body = JSON.stringify({ data: rows[0].page });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })
      .catch((error: Error) => res.writeHead(500).end(error.message));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as { port: number }).port}\n`);
});
