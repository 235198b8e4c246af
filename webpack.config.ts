import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

// Extends create-plugin's config (never edited): nested plugins carry their own logos, which the
// base config does not copy (it copies only the root plugin's images).
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    plugins: [
      new CopyWebpackPlugin({
        patterns: [{ from: '{datasource,panels/*}/img/*', to: '[path][name][ext]' }],
      }),
    ],
  });
};

export default config;
