// Lint with the office-addin conventions (eslint-plugin-office-addins: Office.js load/sync rules + prettier).
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const globals = {
  console: "readonly",
  process: "readonly",
  require: "readonly",
  module: "writable",
  __dirname: "readonly",
  Buffer: "readonly",
  TextDecoder: "readonly",
  TextEncoder: "readonly",
};

// The plugin's TypeScript block (parser, @typescript-eslint, prettier, office-addins rules) matches js/ts only;
// reuse its plugins and rules for .tsx too.
const tsBlock = officeAddins.configs.react.find(
  (c) => c.files && c.files.some((f) => f.includes("ts"))
);

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "samples/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js}"],
    plugins: tsBlock.plugins,
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module", globals },
    rules: {
      ...tsBlock.rules,
      // TypeScript checks undefined names itself (and knows DOM/Node types).
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js load/sync rules only make sense where Office.js is called (src/host/excel); elsewhere
    // exceljs' getCell() and friends look like proxy objects to them.
    files: ["**/*.{ts,tsx,js}"],
    ignores: ["src/host/excel/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    // The engine and the standards run unchanged in Excel, a browser, a Web Worker and Node (docs/architecture.md):
    // they import no Node built-in, DOM-bound or workbook library, and nothing from the adapters or the UI.
    // (tsconfig.engine.json, in `npm run typecheck`, compiles them without DOM and Node types.)
    files: ["src/engine/**/*.ts", "src/standards/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "fs",
                "path",
                "os",
                "zlib",
                "crypto",
                "child_process",
                "node:*",
                "react",
                "react-dom",
              ],
              message: "src/engine and src/standards stay pure: no Node built-ins or UI libraries.",
            },
            {
              group: ["@fluentui/*", "exceljs", "@e965/*", "fflate", "saxes", "office-addin-*"],
              message: "src/engine and src/standards stay pure: no UI or workbook library.",
            },
            {
              group: [
                "**/host/**",
                "**/ui/**",
                "**/app/**",
                "**/cli/**",
                "**/present/**",
                "**/taskpane/**",
                "**/ports/**",
              ],
              message:
                "The engine does not reach out to adapters, presentation or UI; they call it.",
            },
          ],
        },
      ],
    },
  },
];
