import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../lib/history';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

/** An anchor that navigates in place; modified clicks (new tab, etc.) keep browser behaviour. */
export function Link({ href, onClick, className, ...props }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (props.target && props.target !== '_self') return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} className={['link', className].filter(Boolean).join(' ')} onClick={handleClick} {...props} />;
}
