import type { ChatSource } from '../../../shared/schemas/chat';
import type { CitedMoment } from './chat-entry';
import { createMarkerResolver, MARKER, markerNumbers, shortCitationLabel } from './cited-markers';

const MARKERS = new RegExp(`\\s*${MARKER.source}`, 'g');

/**
 * The answer as a student would paste it: each `[n]` becomes the moment it cites,
 * "[Lesson 2 · 3:14]", so the citation still means something elsewhere. A marker naming
 * a source the answer does not have means nothing, and is left out.
 */
export function plainAnswerText(
  text: string,
  sources: readonly ChatSource[] = [],
  moments: readonly CitedMoment[] = [],
): string {
  const resolve = createMarkerResolver(sources, moments);
  return text
    .replace(MARKERS, (_whole, inside: string) => {
      const cited = markerNumbers(inside).map(resolve);
      if (cited.some((source) => source === undefined)) return '';
      return ` [${cited.map((source) => shortCitationLabel(source!)).join('; ')}]`;
    })
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Copies text. Inside Whop's iframe the async clipboard API may be refused (it needs
 * the `clipboard-write` permission from the parent), so the old selection-based copy
 * is the fallback. Resolves false when neither works.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
