import { useState } from 'react';
import type { SandboxCommunity, SandboxPersona } from '../../../../shared/schemas/sandbox';
import { sandboxTokenFragment } from '../../../lib/sandbox-token';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Spinner } from '../../../ui/spinner';
import { useSandboxToken } from '../api/create-sandbox-token';
import { FrameTabs, framePanelId, frameTabId, type SandboxFrameKey, sandboxFrames } from './frame-tabs';

const frameTitles: Record<SandboxFrameKey, string> = {
  experience: 'Community app (experience view)',
  dashboard: 'Seller dashboard (dashboard view)',
};

/** The paths Whop would open, with the person's token in the fragment (see lib/sandbox-token). */
export function sandboxFramePaths(community: SandboxCommunity): Record<SandboxFrameKey, string> {
  return {
    experience: `/experiences/${encodeURIComponent(community.experienceId)}`,
    dashboard: `/dashboard/${encodeURIComponent(community.companyId)}`,
  };
}

/**
 * Both Whop views, signed in as one person. A new token (another person, or "Sign in
 * again", even if the server minted the same one) gives the iframes a new key, so both
 * reload from scratch; while a token is being minted the frames give way to "Signing in…".
 */
export function SandboxFrames({ persona, community }: { persona: SandboxPersona; community: SandboxCommunity }) {
  const token = useSandboxToken(persona.id);
  const [tab, setTab] = useState<SandboxFrameKey>('experience');
  const paths = sandboxFramePaths(community);

  if (token.status === 'error') {
    return (
      <ErrorNotice
        error={token.error}
        title={`Could not sign in as ${persona.name}`}
        onRetry={() => void token.refetch()}
      />
    );
  }
  if (token.isFetching || token.isPending) {
    return (
      <p className="sandbox-frames__pending">
        <Spinner label={`Signing in as ${persona.name}`} /> Signing in as {persona.name}…
      </p>
    );
  }
  const { token: jwt, expiresAt } = token.data;
  const mint = `${jwt}@${token.dataUpdatedAt}`;

  return (
    <section className="sandbox-frames" aria-label="Whop views">
      <div className="sandbox-frames__toolbar">
        <FrameTabs current={tab} onSelect={setTab} />
        <p className="sandbox-frames__session">
          Token for {persona.name}, valid until <time dateTime={expiresAt}>{formatTime(expiresAt)}</time>
        </p>
        <Button size="sm" onClick={() => void token.refetch()}>
          Sign in again
        </Button>
      </div>
      <div className="sandbox-frames__grid">
        {sandboxFrames.map((frame) => (
          <div
            key={frame.key}
            id={framePanelId(frame.key)}
            role="tabpanel"
            aria-labelledby={frameTabId(frame.key)}
            className={frame.key === tab ? 'sandbox-frame' : 'sandbox-frame sandbox-frame--inactive'}
          >
            <p className="sandbox-frame__label">
              {frame.label} <code>{paths[frame.key]}</code>
            </p>
            <iframe
              key={mint}
              className="sandbox-frame__iframe"
              title={frameTitles[frame.key]}
              src={`${paths[frame.key]}${sandboxTokenFragment(jwt)}`}
            />
          </div>
        ))}
      </div>
    </section>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
