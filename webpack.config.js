// Builds the web parts: the Excel task pane (shared runtime with the custom functions) and the browser page.
// Type-checking is separate (npm run typecheck); ts-loader only transpiles, for speed (stack-notes trap 12).
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = process.env.JUNHENG_PROD_URL || "https://junheng.example.org/";

/** Emits functions.json (en-US) and functions.zh-CN.json from the one registry (src/functions). */
class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "FunctionsMetadataPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const compiled = path.resolve(__dirname, "dist/node/functions/metadata.js");
          if (!fs.existsSync(compiled)) {
            compilation.errors.push(
              new Error(
                "dist/node/functions/metadata.js is missing: run `npm run build:node` first"
              )
            );
            return;
          }
          delete require.cache[compiled];
          const { buildMetadata } = require(compiled);
          for (const [file, lang] of [
            ["functions.json", "en-US"],
            ["functions.zh-CN.json", "zh-CN"],
          ]) {
            const json = JSON.stringify(buildMetadata(lang), null, 2);
            compilation.emitAsset(file, new compiler.webpack.sources.RawSource(json));
          }
        }
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const hasFunctions = fs.existsSync(path.resolve(__dirname, "src/functions/metadata.ts"));
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      app: "./src/app/index.tsx",
      // The engine off the main thread, for the browser page and the task pane (src/app/engine/client.ts).
      "engine-worker": "./src/app/engine/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs' browser build reads with JSZip and needs none of these Node modules in the browser page.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack tree-shake Fluent UI (17.6 MiB → ~0.7 MiB for app.js).
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "app.html",
        template: "./src/app/app.html",
        chunks: ["app"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "samples/county-sample.xlsx", to: "samples/county-sample.xlsx" },
          { from: "src/taskpane/help.html", to: "help.html", noErrorOnMissing: true },
          { from: "src/app/app.css", to: "app.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // A production build must also rewrite <AppDomain> entries (stack-notes trap 12): all URLs share the prefix.
            transform: (content) =>
              dev
                ? content
                : content
                    .toString()
                    .split(DEV_URL)
                    .join(PROD_URL)
                    .split(DEV_URL.slice(0, -1))
                    .join(PROD_URL.slice(0, -1)),
          },
        ],
      }),
      ...(hasFunctions ? [new FunctionsMetadataPlugin()] : []),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: env && env.httpsOptions ? { type: "https", options: env.httpsOptions } : "https",
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
