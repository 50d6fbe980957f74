/**
 * Screenshots of each view, taken from the running app by scripts/discover-screenshots.ts
 * (light and dark; the page shows the one matching its theme, and a hidden lazy image is
 * never downloaded).
 */
const screens = [
  {
    name: 'student-chat',
    title: 'Students: ask the course',
    text: 'In the community app, every answer cites the lessons it comes from; a citation plays the video from that second.',
    alt: 'The student view: a question about sourdough starters answered from the course videos, with numbered lesson citations and timestamps.',
  },
  {
    name: 'creator-library',
    title: 'Creators: your library',
    text: 'Upload videos or captions from the dashboard and follow each one through transcription and indexing.',
    alt: 'The creator dashboard’s library: the course lessons with their processing status.',
  },
  {
    name: 'creator-plan',
    title: 'Creators: plan, usage and questions',
    text: 'See what your students use, what they ask, and upgrade through Whop when they need more.',
    alt: 'The creator dashboard’s Plan & usage tab: storage, videos and questions against the plan, and the plans on offer.',
  },
] as const;

/** Shots are 1100 × 720. */
const WIDTH = 1100;
const HEIGHT = 720;

export function DiscoverScreens() {
  return (
    <ul className="discover-screens" aria-label="Screens">
      {screens.map((screen) => (
        <li key={screen.name} className="discover-screens__item">
          <figure className="discover-screens__figure">
            {(['light', 'dark'] as const).map((theme) => (
              <img
                key={theme}
                className={`discover-screens__shot discover-screens__shot--${theme}`}
                src={`/discover/${screen.name}-${theme}.webp`}
                width={WIDTH}
                height={HEIGHT}
                alt={screen.alt}
                loading="lazy"
                decoding="async"
              />
            ))}
            <figcaption>
              <h3 className="discover-screens__title">{screen.title}</h3>
              <p className="discover-screens__text">{screen.text}</p>
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
