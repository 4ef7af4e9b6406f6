const t0 = Date.now();
const { startEmbeddedDatabase } = require('./dist/src/db/embedded');
(async () => {
  const e = await startEmbeddedDatabase(process.argv[2]);
  console.log('ready', Date.now() - t0);
  await e.stop();
  console.log('stopped', Date.now() - t0);
})();
