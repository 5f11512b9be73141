// webpack 5 bundles entry.ts for node (production mode, as a release build would), then node runs the bundle.
const path = require('node:path');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: './entry.ts',
  output: { path: path.resolve(__dirname, 'dist/webpack'), filename: 'main.cjs', chunkFilename: '[id].cjs' },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [{ test: /\.ts$/, loader: path.resolve(__dirname, 'ts-loader.cjs') }] },
  stats: 'errors-warnings',
};
