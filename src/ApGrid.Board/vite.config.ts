import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the board (plain TypeScript, small) and GraphiQL (React, for partner developers).
// The server serves outDir; APGRID_BOARD_OUT lets MSBuild put it under obj/ of the server.
export default defineConfig({
  plugins: [react()],
  base: '/',
  // `npm run dev` against a server started with `dotnet run --project src/ApGrid.Server` (port 5000).
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:5000', ws: true },
      '/dev': 'http://localhost:5000',
      '/board/config.json': 'http://localhost:5000',
    },
  },
  build: {
    outDir: process.env.APGRID_BOARD_OUT ?? 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        board: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // govuk-frontend's Sass still uses @import internally; its warnings are not ours to fix.
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'if-function'],
      },
    },
  },
});
