import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const root = resolve(import.meta.dirname, '../..')

/**
 * Builds the console benchmark page (test/bench/console) with the real queue code, and — with
 * BENCH_TARGET=renderer — just the renderer (for screenshots while the main-process build is busy).
 */
export default defineConfig(() => {
  const renderer = process.env.BENCH_TARGET === 'renderer'
  return {
    root: renderer ? resolve(root, 'src/renderer') : resolve(import.meta.dirname, 'console'),
    base: './',
    resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
    plugins: [react()],
    logLevel: 'warn' as const,
    build: {
      outDir: resolve(root, renderer ? 'out/bench-renderer' : 'out/bench-console'),
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false
    }
  }
})
