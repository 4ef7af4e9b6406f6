'use strict';
/**
 * The read-path benchmark's peer: PostGraphile v4 on Yizhan's tables, as its users run it
 * (simplified inflector, connection filters, no mutations, no query log) on bare Node http.
 * Started by bench/read-path.ts as its own process: argv[2] is the database URL. It counts the
 * statements it sends: GET /statements answers the count, and a POST to it resets it.
 */
const http = require('node:http');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');
const { default: PgSimplifyInflectorPlugin } = require('@graphile-contrib/pg-simplify-inflector');
const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter');

let statements = 0;
const pool = new Pool({ connectionString: process.argv[2], max: 10 });
pool.on('connect', (client) => {
  const query = client.query.bind(client);
  client.query = (...args) => {
    statements++;
    return query(...args);
  };
});

const handler = postgraphile(pool, 'public', {
  appendPlugins: [PgSimplifyInflectorPlugin, ConnectionFilterPlugin.default || ConnectionFilterPlugin],
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: true,
  disableDefaultMutations: true,
  disableQueryLog: true,
  retryOnInitFail: false,
  graphiql: false,
  enableQueryBatching: false,
});

const server = http.createServer((req, res) => {
  if (req.url === '/statements') {
    if (req.method === 'POST') statements = 0;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements }));
    return;
  }
  handler(req, res);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
