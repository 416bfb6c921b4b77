/**
 * The architecture as code (docs/architecture.md, "Boundaries"). `npm run lint`
 * fails on any violation.
 */
const CONTEXT = '^libs/(tenancy|identity|audit|authorization|licensing|devices)/src/';

module.exports = {
  forbidden: [
    {
      name: 'context-only-through-index',
      comment: "A context reaches another context only through that context's index.ts (import it as #context).",
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$)', pathNot: ['^libs/$1/src/', '^libs/(kernel|platform)/src/'] },
    },
    {
      name: 'platform-internals-only-through-index',
      comment: 'Contexts use the platform and kernel through their index.ts.',
      severity: 'error',
      from: { path: CONTEXT },
      to: { path: '^libs/(kernel|platform)/src/(?!index\\.ts$)' },
    },
    {
      name: 'domain-stays-pure',
      comment: 'domain/ is plain TypeScript: no framework, ORM, database driver or I/O, and nothing from outer layers.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          '@nestjs',
          'typeorm',
          '^node_modules/(pg|@electric-sql|oidc-provider|express|passport)/',
          '^(node:)?(fs|net|http|https|http2|dgram|child_process|dns|tls)$',
          '^libs/[^/]+/src/(application|infrastructure|api)/',
          '^libs/platform/',
        ],
      },
    },
    {
      name: 'kernel-depends-on-nothing',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: '^libs/(?!kernel/)' },
    },
    {
      name: 'platform-knows-no-context',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: CONTEXT },
    },
    {
      name: 'no-cycles-between-contexts',
      comment: 'Context dependencies point one way (audit, identity → tenancy); a cycle would make module load order fragile.',
      severity: 'error',
      from: { path: CONTEXT },
      to: { circular: true, path: CONTEXT, pathNot: '^libs/$1/' },
    },
    {
      name: 'sdk-stands-alone',
      comment: 'libs/sdk is published as its own package for integrators: it depends on nothing else of NexinID.',
      severity: 'error',
      from: { path: '^libs/sdk/' },
      to: { path: '^(apps|test|libs/(?!sdk/))' },
    },
    {
      name: 'cli-stays-light',
      comment: 'The nexinid CLI starts in CI pipelines: it loads the pure manifest domain, never the framework, the ORM or other context code.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: {
        path: ['@nestjs', 'typeorm', '^node_modules/(pg|@electric-sql|oidc-provider|express|passport|reflect-metadata)/', '^libs/(?!authorization/src/domain/manifest/)'],
      },
    },
    {
      name: 'libs-do-not-import-apps-or-tests',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.(spec|int-spec|e2e-spec)\\.ts$', '/testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
