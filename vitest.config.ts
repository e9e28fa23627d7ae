import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
const alias = { '@shared': resolve(root, 'src/shared') }

/** Tests of React components (and anything under test/unit/renderer) get a DOM. */
const domTests = ['test/unit/renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.tsx', 'src/renderer/**/*.test.{ts,tsx}']
const allTests = ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}']

export default defineConfig({
  resolve: { alias },
  test: {
    // Environment per folder: plain Node for shared/main/server/data (Dexie runs on fake-indexeddb),
    // happy-dom for renderer components. A file can still override it with a
    // `// @vitest-environment happy-dom` docblock.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: allTests,
          exclude: domTests,
          environment: 'node'
        }
      },
      {
        extends: true,
        test: { name: 'dom', include: domTests, environment: 'happy-dom' }
      }
    ]
  }
})
