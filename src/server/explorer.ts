import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const require = createRequire(import.meta.url);

/**
 * The GraphiQL explorer on `GET /graphql` (for a browser: `Accept: text/html`), with every
 * asset served by this server from installed packages under `/explorer/` (no CDN).
 * Queries and mutations go over HTTP; subscriptions over graphql-ws on the same path.
 */
export const EXPLORER_ASSETS: Record<string, string> = {
  'react.production.min.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
  'react-dom.production.min.js': join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
  'graphiql.min.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.min.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  'graphql-ws.min.js': join(dirname(require.resolve('graphql-ws/package.json')), 'umd/graphql-ws.min.js'),
  // the explorer (query builder) plugin; its UMD build reads the React and GraphQL that graphiql.min.js exposes
  'graphiql-plugin-explorer.umd.js': join(dirname(require.resolve('@graphiql/plugin-explorer/package.json')), 'dist/index.umd.js'),
  'graphiql-plugin-explorer.css': join(dirname(require.resolve('@graphiql/plugin-explorer/package.json')), 'dist/style.css'),
};

/** One explorer tab: the operation it opens with. */
export interface ExplorerTab {
  query: string;
}

/**
 * The explorer's tabs: {@link EXPLORER_DEFAULT_QUERY}, then one per ```graphql block of the
 * README (in order), each headed by a comment naming its README section and pretty-printed
 * (a block that does not parse is shown as written). A missing README gives the first tab only.
 * @param readme the README's Markdown text
 */
export function explorerTabs(readme: string | null): ExplorerTab[] {
  const tabs: ExplorerTab[] = [{ query: EXPLORER_DEFAULT_QUERY }];
  if (!readme) return tabs;
  let section = 'README';
  let n = 0;
  for (const m of readme.matchAll(/^(#{1,6}) (.+)$|^```graphql\n([\s\S]*?)^```$/gm)) {
    if (m[2]) {
      section = m[2].trim();
      continue;
    }
    const block = m[3]?.trim();
    if (!block) continue;
    n += 1;
    let text = block;
    try {
      text = print(namedOperations(parse(block)));
    } catch {
      text = block;
    }
    tabs.push({ query: `# README example ${n} (${section})\n${text}\n` });
  }
  return tabs;
}

/**
 * `document` with a name on each anonymous operation (its first field and kind, e.g.
 * `SendTextMutation`), so the explorer's tab shows what it holds instead of "<untitled>".
 */
function namedOperations(document: DocumentNode): DocumentNode {
  const definitions = document.definitions.map((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION || d.name) return d;
    const first = d.selectionSet.selections.find((x) => x.kind === Kind.FIELD);
    const field = first ? first.name.value : 'Operation';
    const value = `${field.charAt(0).toUpperCase()}${field.slice(1)}${d.operation.charAt(0).toUpperCase()}${d.operation.slice(1)}`;
    const named: OperationDefinitionNode = { ...d, name: { kind: Kind.NAME, value } };
    return named;
  });
  return { ...document, definitions };
}

/** The repository's README.md (beside src/ and dist/), or null when the server runs without it. */
function readReadme(): string | null {
  try {
    return readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * The explorer's HTML: GraphiQL with the explorer (query builder) plugin open, the docs pane,
 * the given tabs, and the fetcher wired to HTTP + WebSocket.
 */
export function explorerHtml(tabs: ExplorerTab[]): string {
  const assets = Object.keys(EXPLORER_ASSETS);
  const scripts = assets
    .filter((a) => a.endsWith('.js'))
    .map((a) => `<script src="/explorer/${a}"></script>`)
    .join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>whatsgraph explorer</title>
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="/explorer/graphiql.min.css" />
    <link rel="stylesheet" href="/explorer/graphiql-plugin-explorer.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    ${scripts}
    <script>
      const wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + location.pathname;
      // Queries and mutations go over HTTP with the Headers tab's headers; subscriptions go over
      // graphql-ws with the Headers tab's Authorization as the connection_init payload (one
      // socket per distinct key), so an API-key protected graph works here too.
      const http = GraphiQL.createFetcher({ url: location.pathname });
      const sockets = new Map();
      const socketFor = (authorization) => {
        const key = authorization || '';
        if (!sockets.has(key)) {
          sockets.set(key, graphqlWs.createClient({ url: wsUrl, lazy: true, retryAttempts: 5, connectionParams: authorization ? { authorization } : {} }));
        }
        return sockets.get(key);
      };
      const isSubscription = (ast, name) =>
        !!ast && ast.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription' && (!name || (d.name && d.name.value === name)));
      const fetcher = (params, options) => {
        if (!isSubscription(options && options.documentAST, params.operationName)) return http(params, options);
        const headers = (options && options.headers) || {};
        const authorization = headers.authorization || headers.Authorization;
        return socketFor(authorization).iterate({ query: params.query, variables: params.variables || undefined, operationName: params.operationName || undefined });
      };
      // the query builder beside the editor; the docs pane is GraphiQL's own (its sidebar's book icon)
      const explorer = GraphiQLPluginExplorer.explorerPlugin({ showAttribution: false });
      const tabs = ${JSON.stringify(tabs).replace(/</g, '\\u003c')};
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, plugins: [explorer], visiblePlugin: explorer, defaultTabs: tabs, defaultEditorToolsVisibility: true }),
      );
    </script>
  </body>
</html>`;
}

/** The first operation shown in the explorer. */
export const EXPLORER_DEFAULT_QUERY = `# Welcome to whatsgraph. Press ▶ to list your instances.
# Then try: mutation { sendText(input: {instanceId: "zapi-sandbox", to: "5511987654321", text: "hi"}) { message { id providerMessageId status } } }
# and, in another tab: subscription { messageStatusChanged(instanceId: "zapi-sandbox") { messageId status message { id status } } }
# The other tabs hold the README's examples.
query Welcome {
  instances {
    id
    instanceId
    provider
    status
    capabilities
  }
}
`;

/** Routes: `GET /graphql` (HTML only, else falls through to the GraphQL handler) and `/explorer/*` assets. */
export function explorerRouter(): Router {
  const router = express.Router();
  const html = explorerHtml(explorerTabs(readReadme()));
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html' || req.query.query) {
      next();
      return;
    }
    res.type('html').set('Cache-Control', 'no-store').send(html);
  });
  router.get('/explorer/:asset', (req, res) => {
    const file = EXPLORER_ASSETS[String(req.params.asset)];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1h' });
  });
  return router;
}
