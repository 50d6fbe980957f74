import { chatPath, lessonsPath } from '../../lib/routes';
import { Link } from '../../ui/link';
import './student-nav.css';

export type StudentPage = 'chat' | 'lessons';

/** The student view's two places: the course chat and the lessons (with their transcripts and search). */
export function StudentNav({ experienceId, current }: { experienceId: string; current: StudentPage }) {
  const items: { page: StudentPage; label: string; href: string }[] = [
    { page: 'chat', label: 'Ask', href: chatPath(experienceId) },
    { page: 'lessons', label: 'Lessons', href: lessonsPath(experienceId) },
  ];
  return (
    <nav className="student-nav" aria-label="Course">
      {items.map((item) => (
        <Link
          key={item.page}
          href={item.href}
          className="student-nav__link"
          aria-current={item.page === current ? 'page' : undefined}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
