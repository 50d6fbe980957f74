import { ChronosMark } from '../../ui/chronos-mark';
import { Card } from '../../ui/card';

const steps = [
  {
    title: 'Add your course videos',
    text: 'Upload videos or their captions. Chronos transcribes them and indexes every passage with its timestamp.',
  },
  {
    title: 'Students ask in plain words',
    text: 'Answers come only from your transcripts. When the videos do not cover a question, Chronos says so instead of guessing.',
  },
  {
    title: 'Every answer cites the moment',
    text: 'Citations point to the exact second in the video; one click plays it from there.',
  },
];

/** Public page shown in Whop's app directory. */
export function DiscoverView() {
  return (
    <main className="page page--wide">
      <ChronosMark size={40} />
      <h1 className="page__title">Let students ask your course videos</h1>
      <p className="page__lead">
        Chronos is an AI learning assistant for Whop communities. Students chat with your course; every answer is
        grounded in your videos and links to the moment it comes from.
      </p>
      <ol className="steps">
        {steps.map((step, index) => (
          <li key={step.title}>
            <Card className="steps__card">
              <span className="pipeline__step" aria-hidden="true">
                {index + 1}
              </span>
              <h2 className="steps__title">{step.title}</h2>
              <p className="steps__text">{step.text}</p>
            </Card>
          </li>
        ))}
      </ol>
      <p className="page__fine">
        Creators see their library, processing progress, usage and the questions students ask. Plans are bought and
        managed through Whop.
      </p>
    </main>
  );
}
