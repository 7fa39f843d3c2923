import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    // Without this Vue tries to resolve <cx-feedback> as a Vue component and warns "Failed to resolve component".
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cx-') } } }),
  ],
});
