import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { ANALYST_EXAMPLES } from './analyst-examples';

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

// Same-origin POSTs with a JSON body pass Apollo's CSRF prevention. The examples panel is a GraphiQL
// plugin (beside the docs explorer and the history) that loads a question into the query and
// variables editors the way the history does; the headers editor, where the API key goes, is left
// as the analyst set it and, GraphiQL's default, is not kept in the browser's storage.
const INIT_SCRIPT = `
const h = React.createElement;
const EXAMPLES = ${JSON.stringify(ANALYST_EXAMPLES)};
const EXAMPLES_TITLE = '示例问题 Examples';
const HEADER_TEMPLATE = '{\\n  "Authorization": "Bearer yz_"\\n}';

function ExamplesPanel() {
  const editor = GraphiQL.React.useEditorContext({ nonNull: true });
  const load = (example) => {
    if (!editor.queryEditor) return;
    editor.queryEditor.setValue(example.query);
    // GraphiQL works the operation's name out 100 ms after an edit; a Run before then would send the
    // previous question's name with this document. Each example is one operation, which needs none.
    editor.queryEditor.operationName = null;
    editor.variableEditor?.setValue(example.variables ? JSON.stringify(example.variables, null, 2) : '');
  };
  return h('section', { className: 'yz-examples' },
    h('div', { className: 'graphiql-doc-explorer-title' }, EXAMPLES_TITLE),
    h('p', null, '点击载入问题，再按 ▶ 运行。需要 API 密钥时，在下方 Headers 中填写 Authorization: Bearer yz_…（密钥不保存在浏览器中）。'),
    h('p', { lang: 'en' }, 'Click a question to load it, then press ▶ to run it. With an API key, put Authorization: Bearer yz_… in Headers below (the key is not kept in the browser).'),
    h('button', { type: 'button', className: 'graphiql-button', id: 'yz-header-template', onClick: () => editor.headerEditor?.setValue(HEADER_TEMPLATE) }, '填入请求头模板 Insert the header template'),
    h('ul', null, EXAMPLES.map((example) =>
      h('li', { key: example.id },
        h('button', { type: 'button', className: 'yz-example', id: 'yz-example-' + example.id, onClick: () => load(example) },
          h('span', { lang: 'zh' }, example.title.zh), h('span', { lang: 'en' }, example.title.en)))))
  );
}

const examplesPlugin = { title: EXAMPLES_TITLE, icon: () => h('span', { className: 'yz-examples-icon', 'aria-hidden': true }, '例'), content: ExamplesPanel };
const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  h(GraphiQL, {
    fetcher,
    plugins: [examplesPlugin],
    visiblePlugin: EXAMPLES_TITLE,
    defaultEditorToolsVisibility: 'headers',
    defaultTabs: [{ query: EXAMPLES[0].query, variables: JSON.stringify(EXAMPLES[0].variables ?? {}, null, 2) }],
  })
);
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>驿站 Yizhan · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>
    body { margin: 0; }
    #graphiql { height: 100vh; }
    .yz-examples p { color: hsla(var(--color-neutral), var(--alpha-secondary)); font-size: var(--font-size-hint); }
    .yz-examples ul { list-style: none; margin: var(--px-12) 0 0; padding: 0; }
    .yz-example { display: block; width: 100%; text-align: left; margin: 0 0 var(--px-8); padding: var(--px-8); border: 1px solid hsla(var(--color-neutral), var(--alpha-background-heavy)); border-radius: var(--border-radius-4); background: none; color: inherit; font: inherit; cursor: pointer; }
    .yz-example:hover, .yz-example:focus { background: hsla(var(--color-primary), var(--alpha-background-light)); }
    .yz-example span { display: block; }
    .yz-example span[lang='en'] { color: hsla(var(--color-neutral), var(--alpha-secondary)); font-size: var(--font-size-hint); }
    .yz-examples-icon { font-size: 18px; font-weight: bold; }
  </style>
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
