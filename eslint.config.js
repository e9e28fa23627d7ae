// ESLint flat config. Style is Prettier's job; these rules are about correctness and about the
// architecture in DESIGN.md (one-way imports between runtimes), so that rule cannot rot.
import { builtinModules } from 'node:module'
import path from 'node:path'
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const tsFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs']

/** The renderer runs sandboxed in a browser page: no Electron, no Node. */
const nodeOnlyImports = {
  paths: [
    { name: 'electron', message: 'The renderer reaches the main process only through window.desk (src/preload).' },
    ...builtinModules
      .filter((m) => !m.startsWith('_'))
      .map((name) => ({ name, message: 'Node modules do not exist in the renderer or in shared code.' }))
  ],
  patterns: [{ group: ['node:*', 'electron/*'], message: 'Node and Electron modules do not exist here.' }]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test/bench/results/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      '**/*.tsbuildinfo'
    ]
  },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: c.files ?? tsFiles })),
  {
    files: tsFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }
      ],
      // `onClick={async () => …}` is idiomatic React; a promise returned to a void callback is fine.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Callback props are declared as methods (`onChange(v): void`) and are never `this`-bound.
      '@typescript-eslint/unbound-method': 'off',
      // Async methods that implement an async interface (CommandStore) need no await.
      '@typescript-eslint/require-await': 'off'
    }
  },
  {
    // Plain JS (configs and scripts) is not in a tsconfig: lint it without type information.
    files: jsFiles,
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, sourceType: 'module' }
  },
  {
    // Scripts that drive Chromium pass callbacks to page.evaluate(), which run in the page.
    files: ['scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  },

  // ---- React ----
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Only meaningful with the React Compiler, which this project does not use: it flags
      // TanStack Table/Virtual, the libraries DESIGN.md chose.
      'react-hooks/incompatible-library': 'off'
    }
  },

  // ---- Runtimes and their globals ----
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser }
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'src/server/**/*.ts', 'scripts/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node }
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  },

  // ---- One-way imports (DESIGN.md: main, renderer, server → shared; never the other way) ----
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
          alias: { '@shared': [path.join(root, 'src/shared')] }
        })
      ]
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './src/shared',
              from: ['./src/main', './src/preload', './src/renderer', './src/server'],
              message: 'src/shared is pure domain code: it imports nothing from the runtimes.'
            },
            {
              target: './src/renderer',
              from: ['./src/main', './src/server'],
              message: 'The renderer meets main and server only through the contracts in src/shared.'
            },
            {
              target: './src/renderer',
              from: './src/preload',
              except: ['./api.d.ts'],
              message: 'The renderer may only use the window.desk type from src/preload/api.d.ts.'
            },
            {
              target: ['./src/main', './src/preload'],
              from: ['./src/renderer', './src/server'],
              message: 'Main and preload meet the renderer and server only through src/shared.'
            },
            {
              target: './src/server',
              from: ['./src/main', './src/preload', './src/renderer'],
              message: 'The desk server meets the clients only through src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', nodeOnlyImports] }
  },

  // ---- Tests ----
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests poke at loosely typed results (error objects, JSON reports) on purpose.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Playwright fixtures destructure `{}` and tests await `expect.poll`.
      'no-empty-pattern': 'off'
    }
  }
)
