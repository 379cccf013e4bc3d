/**
 * Module boundaries that a lint rule cannot see: `npm run check` fails on an import cycle. The
 * layer rules (core purity, nothing imports studio or cli, product code does not import test
 * code) are lint rules in eslint.config.js.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules depend one way: an import cycle makes load order and ownership unclear.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
