/** `[1]`, `[1, 3]`, `[1; 3]`: the citation markers, which mean nothing once pasted elsewhere. */
const MARKERS = /\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g;

/** The answer as a student would paste it: citation markers out, spacing tidied. */
export function plainAnswerText(text: string): string {
  return text
    .replace(MARKERS, '')
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
