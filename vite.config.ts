import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The playground uses the library's source through the package name, as a user would import it.
export default defineConfig({
  root: fileURLToPath(new URL('./playground', import.meta.url)),
  resolve: { alias: { 'cx-roi': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { port: 5173 },
});
