// First, so the base styles come before any view's own stylesheet in the bundle.
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { installWhopSession } from './features/signin/session-store';
import { preloadFirstScreenSchemas } from './lib/lazy-schema';
import { createQueryClient } from './lib/query-client';
import { installSandboxToken } from './lib/sandbox-token';
import { applyTheme } from './lib/theme';

applyTheme(document.documentElement, window.location.search);
// Zod and the shared schemas are not in the first download: start fetching them now, beside the first render.
preloadFirstScreenSchemas();
// Before anything renders or fetches: take the local sandbox's token out of the URL.
installSandboxToken();
// Top level only: is this browser signed in with Whop (its CSRF token for writes)?
void installWhopSession();

// The page's one server-state cache (embed/lib/query-client.ts): every view below shares it.
const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
