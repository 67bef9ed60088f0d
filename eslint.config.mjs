import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

// Decision 11: the custom server and each layer of Next's bundle load their own copy of a module,
// so class identity and module-level state do not hold across them.
const REALM_GLOBALS = "Error|TypeError|RangeError|SyntaxError|Date|RegExp|Array|Map|Set|WeakMap|Promise|Uint8Array|ArrayBuffer|Buffer|URL|Request|Response|Headers|ReadableStream|Blob|FormData|HTMLElement|Element|Node";
const ACROSS_MODULE_COPIES = [
  {
    selector: `BinaryExpression[operator='instanceof']:not([right.type='Identifier'][right.name=/^(${REALM_GLOBALS})$/])`,
    message: "instanceof is false across module copies (decision 11): use the class's brand guard (isDomainError, …), drizzle's is(), or a check of shape.",
  },
];
const MODULE_STATE = [
  {
    selector: "Program > VariableDeclaration[kind!='const'], Program > ExportNamedDeclaration > VariableDeclaration[kind!='const']",
    message: "Module-level mutable state exists once per module copy (decision 11): keep it in processSingleton().",
  },
  {
    selector: "Program > VariableDeclaration > VariableDeclarator > NewExpression:not([callee.name=/^(Set|RegExp)$/]), Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression:not([callee.name=/^(Set|RegExp)$/])",
    message: "A module-level object exists once per module copy (decision 11): make it in processSingleton(), or keep it a constant Set or RegExp.",
  },
];

const config = [
  { ignores: [".next/**", "node_modules/**", "data/**", ".tmp/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...coreWebVitals,
  ...typescript,
  {
    // The domain core must stay usable from scripts, tests and any framework.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "react", "react-dom", "@/app/*", "@/components/*", "@/server/*"] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", ...ACROSS_MODULE_COPIES],
    },
  },
  {
    // Server-side state lives once per process (processSingleton), not once per module copy.
    files: ["src/server/**/*.ts", "src/domain/**/*.ts", "src/db/**/*.ts", "src/app/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...ACROSS_MODULE_COPIES, ...MODULE_STATE],
    },
  },
];

export default config;
