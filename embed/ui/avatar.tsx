/** A round tile with someone's initials (Whop avatars are images we are not given). */
export function Avatar({
  name,
  username,
  size = 'md',
}: {
  name: string | null;
  username?: string | null;
  size?: 'sm' | 'md';
}) {
  return (
    <span className={`avatar avatar--${size}`} aria-hidden="true">
      {initialsOf(name, username ?? null)}
    </span>
  );
}

/** Up to two letters: the first and last word of the name, else the username's first letter, else "?". */
export function initialsOf(name: string | null, username: string | null): string {
  const words = (name ?? '')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const picked =
    words.length > 0 ? [words[0], words.length > 1 ? words[words.length - 1] : undefined] : [username?.trim()];
  const initials = picked
    .map((word) => (word ? (Array.from(word)[0] ?? '') : ''))
    .join('')
    .toUpperCase();
  return initials === '' ? '?' : initials;
}
