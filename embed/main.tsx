// First, so the base styles come before any view's own stylesheet in the bundle.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { installSandboxToken } from './lib/sandbox-token';
import { installWhopSession } from './features/signin/session-store';
import { applyTheme } from './lib/theme';

applyTheme(document.documentElement, window.location.search);
// Before anything renders or fetches: take the local sandbox's token out of the URL.
installSandboxToken();
// Top level only: is this browser signed in with Whop (its CSRF token for writes)?
void installWhopSession();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
