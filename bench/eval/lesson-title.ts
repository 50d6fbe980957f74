/**
 * A lesson's human title from its captions file name, one rule for every course:
 * drop the extension, drop a leading ordering number of one to three digits
 * ("02-" orders lessons; a four-digit "1831-" is a year and stays), split on
 * hyphens, underscores and dots, and capitalise each word.
 * `02-programming-faq.vtt` → "Programming Faq"; `1831-andrew-jackson.vtt` → "1831 Andrew Jackson".
 */
export function lessonTitleOf(fileName: string): string {
  const stem = fileName.replace(/\.(vtt|srt)$/i, '');
  const words = stem
    .replace(/^\d{1,3}(?=[-_ .])/, '')
    .split(/[-_ .]+/)
    .filter(Boolean);
  const title = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  // A name that was only an ordering number keeps it, rather than an empty title the upload would refuse.
  return title || stem;
}
