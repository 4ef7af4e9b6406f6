import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';

/**
 * GraphiQL for analysts, served entirely from this server: graphiql 3.8's prebuilt browser bundle
 * on React 18's UMD builds, all from node_modules. Nothing loads from a CDN, because a government
 * intranet cannot reach one.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** A file inside an installed package; its "exports" map does not list these bundles, so walk up from the entry. */
function packageFile(pkg: string, file: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== pkg) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the root of package ${pkg}`);
    dir = parent;
  }
  return path.join(dir, file);
}

// Same-origin POSTs with a JSON body pass Apollo's CSRF prevention.
const INIT_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultQuery: '# 驿站 Yizhan\\n{ stations(first: 5) { totalCount nodes { code name status region { name } } } }\\n' })
);
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>驿站 Yizhan · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">正在加载 Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/init.js"></script>
</body>
</html>
`;

export function graphiqlRouter(): Router {
  const router = Router();
  router.get('/graphiql', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/graphiql/assets/init.js', (_req, res) => {
    res.type('text/javascript').send(INIT_SCRIPT);
  });
  router.get('/graphiql/assets/:file', (req, res, next) => {
    const asset = ASSETS[req.params.file];
    if (!asset) return next();
    res.type(asset.type).set('cache-control', 'public, max-age=86400').sendFile(packageFile(asset.pkg, asset.file));
  });
  return router;
}
