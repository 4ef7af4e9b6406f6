const t0 = Date.now();
const lap = (m) => { const c = process.cpuUsage(); console.log(m.padEnd(20), Date.now() - t0, 'cpu', Math.round((c.user + c.system) / 1000)); };
require('reflect-metadata');
(async () => {
  const { loadConfig } = require('./dist/src/config');
  const { openEmbeddedDatabase } = require('./dist/src/db/embedded');
  const config = loadConfig({ ...process.env, LOG_SILENT: 'true' });
  const embedded = openEmbeddedDatabase(config.embeddedDataDir, config.embeddedImageDir, { migrate: true, seed: true });
  embedded.then(() => lap('embedded ready'));
  lap('worker spawned');
  const { createApp } = require('./dist/src/app'); lap('app loaded');
  const { pendingMigrations } = require('./dist/src/db/orm');
  const { bootstrapAdminClient } = require('./dist/src/modules/api-client/api-client.service'); lap('modules loaded');
  const app = await createApp(config, { migrate: true, seed: true, embedded }); lap('app created');
  await pendingMigrations(app.database.orm); lap('pending');
  await bootstrapAdminClient(app.database.orm.em.fork()); lap('bootstrap');
  await app.close(); lap('closed');
})();
