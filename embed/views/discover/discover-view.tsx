import { Card } from '../../ui/card';
import { ChronosMark } from '../../ui/chronos-mark';
import { DiscoverPlans } from './discover-plans';
import { DiscoverScreens } from './discover-screens';
import './discover.css';

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

const install = [
  'Find Chronos in Whop’s app store and add it to your whop. It opens as an app in your community (the experience view) and in your dashboard.',
  'In the dashboard, add your course videos or their captions. Captions are indexed within seconds; videos are transcribed first.',
  'Your students open Chronos in the community and ask. Each plan sets how many questions a student can ask; upgrade from the dashboard when they need more.',
  'Optional: turn on notifications in Plan & usage to hear, through Whop, when students ask for an upgrade or keep asking what your videos do not cover.',
];

/** Public page shown in Whop's app directory: what Chronos does, its screens, plans and how to install. */
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
      <section className="discover__section" aria-labelledby="discover-screens">
        <h2 id="discover-screens" className="discover__heading">
          What it looks like
        </h2>
        <DiscoverScreens />
      </section>
      <section className="discover__section" aria-labelledby="discover-plans">
        <h2 id="discover-plans" className="discover__heading">
          Plans
        </h2>
        <p className="page__lead">
          Billed monthly through Whop. Limits are per creator; questions are counted per student.
        </p>
        <DiscoverPlans />
      </section>
      <section className="discover__section" aria-labelledby="discover-install">
        <h2 id="discover-install" className="discover__heading">
          How to install
        </h2>
        <ol className="discover-install">
          {install.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <p className="page__fine">
        Creators see their library, processing progress, usage and the questions students ask. Plans are bought and
        managed through Whop.
      </p>
    </main>
  );
}
