import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server serves dist/ at / (apps/server/src/routes/web). `npm run dev -w apps/web`
// proxies the API to a server started with `npm start` on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
