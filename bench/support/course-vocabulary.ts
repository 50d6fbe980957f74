/**
 * The words the benchmark courses are made of. Ten subjects, each taught by five
 * creators, so the same topic words live in several tenants and the creator
 * filter has real work to do. A lesson is about two of its subject's terms; its
 * sentences mix those with actions and specifics, which is what questions ask about.
 */
export interface Subject {
  name: string;
  terms: readonly string[];
  actions: readonly string[];
  details: readonly string[];
}

export const SUBJECTS: readonly Subject[] = [
  {
    name: 'Investing fundamentals',
    terms: ['index funds', 'compound interest', 'an emergency fund', 'diversification', 'a Roth IRA', 'dollar-cost averaging', 'the expense ratio', 'asset allocation', 'rebalancing', 'bond duration', 'market volatility', 'tax-loss harvesting', 'dividend reinvestment', 'a brokerage account', 'capital gains', 'inflation'],
    actions: ['rebalance', 'automate', 'compare', 'calculate', 'diversify', 'withdraw', 'contribute to', 'review'],
    details: ['every quarter', 'the expense ratios', 'a target-date fund', 'the employer match', 'your risk tolerance', 'a three-fund portfolio', 'the tax bracket', 'a spreadsheet of holdings', 'the annual fee', 'treasury bonds', 'small-cap stocks', 'a cash buffer'],
  },
  {
    name: 'Portrait photography',
    terms: ['the exposure triangle', 'aperture', 'shutter speed', 'ISO noise', 'natural light', 'a reflector', 'focal length', 'depth of field', 'white balance', 'composition', 'the rule of thirds', 'golden hour', 'backlighting', 'skin tones', 'raw files', 'posing'],
    actions: ['meter', 'expose', 'frame', 'bounce', 'focus on', 'underexpose', 'retouch', 'diffuse'],
    details: ['the subject eyes', 'a fifty millimeter lens', 'f/1.8', 'a white bedsheet', 'the histogram', 'a window at noon', 'the catchlights', 'a grey card', 'the background', 'the highlights', 'a speedlight', 'an overcast sky'],
  },
  {
    name: 'Strength training',
    terms: ['the squat', 'the deadlift', 'progressive overload', 'the bench press', 'rest days', 'protein intake', 'mobility work', 'rep ranges', 'a deload week', 'core bracing', 'the overhead press', 'warm-up sets', 'training volume', 'muscle soreness', 'sleep', 'form checks'],
    actions: ['brace', 'load', 'track', 'warm up', 'progress', 'record', 'stretch', 'hinge'],
    details: ['the barbell path', 'five pounds a week', 'a training log', 'your hip crease', 'the lockout', 'two reps in reserve', 'the lower back', 'a belt', 'the knees', 'a phone video', 'grams per kilo', 'three sets of five'],
  },
  {
    name: 'Home cooking',
    terms: ['knife skills', 'mise en place', 'searing meat', 'a pan sauce', 'seasoning', 'braising', 'emulsions', 'fresh pasta', 'bread dough', 'roasting vegetables', 'stock', 'acid balance', 'caramelization', 'food safety', 'meal prep', 'spice blends'],
    actions: ['deglaze', 'season', 'rest', 'whisk', 'dice', 'knead', 'reduce', 'taste'],
    details: ['a cast iron skillet', 'kosher salt', 'the fond', 'cold butter', 'an instant-read thermometer', 'the onions', 'lemon juice', 'a sheet pan', 'the dough', 'chicken thighs', 'the oven at 220 degrees', 'a wooden spoon'],
  },
  {
    name: 'Web development',
    terms: ['React components', 'state management', 'CSS grid', 'flexbox', 'REST APIs', 'authentication', 'database indexes', 'unit tests', 'TypeScript types', 'deployment', 'caching', 'accessibility', 'form validation', 'error handling', 'git branches', 'performance budgets'],
    actions: ['refactor', 'deploy', 'debug', 'validate', 'memoize', 'cache', 'test', 'profile'],
    details: ['the network tab', 'a custom hook', 'the useEffect dependencies', 'a pull request', 'the bundle size', 'an environment variable', 'a foreign key', 'the login form', 'a failing test', 'the build pipeline', 'screen readers', 'a JSON schema'],
  },
  {
    name: 'Digital marketing',
    terms: ['email lists', 'landing pages', 'conversion rate', 'paid ads', 'search engine optimization', 'content calendars', 'customer personas', 'copywriting', 'A/B tests', 'retargeting', 'lead magnets', 'funnels', 'analytics dashboards', 'brand voice', 'social proof', 'pricing pages'],
    actions: ['segment', 'split test', 'optimize', 'target', 'measure', 'write', 'launch', 'promote'],
    details: ['the headline', 'a welcome sequence', 'the click-through rate', 'a lookalike audience', 'the call to action', 'customer testimonials', 'a free checklist', 'the open rate', 'long-tail keywords', 'the ad budget', 'a webinar', 'the cart page'],
  },
  {
    name: 'Guitar for beginners',
    terms: ['open chords', 'barre chords', 'strumming patterns', 'fingerpicking', 'the pentatonic scale', 'tuning', 'chord changes', 'rhythm', 'music theory', 'the capo', 'palm muting', 'finger strength', 'practice routines', 'ear training', 'string action', 'vibrato'],
    actions: ['strum', 'fret', 'tune', 'mute', 'pick', 'practice', 'transpose', 'slide'],
    details: ['the G chord', 'a metronome at 60', 'the low E string', 'your fretting hand', 'the seventh fret', 'a clip-on tuner', 'down-up patterns', 'the F chord', 'your thumb', 'a backing track', 'the twelfth fret', 'light gauge strings'],
  },
  {
    name: 'Conversational Spanish',
    terms: ['the preterite tense', 'ser and estar', 'pronunciation', 'vocabulary lists', 'the subjunctive', 'listening practice', 'verb conjugation', 'gendered nouns', 'direct object pronouns', 'everyday phrases', 'rolling the r', 'reflexive verbs', 'travel conversations', 'spaced repetition', 'por and para', 'the imperfect tense'],
    actions: ['conjugate', 'memorize', 'pronounce', 'translate', 'repeat', 'shadow', 'review', 'speak'],
    details: ['flashcards', 'a language partner', 'the vowel sounds', 'irregular verbs', 'a podcast', 'the past participle', 'ordering at a restaurant', 'the accent marks', 'a daily journal', 'native speakers', 'the yo form', 'telenovelas'],
  },
  {
    name: 'Graphic design',
    terms: ['typography', 'color theory', 'visual hierarchy', 'grid systems', 'white space', 'logo design', 'contrast', 'kerning', 'brand guidelines', 'vector illustration', 'mockups', 'layout balance', 'font pairing', 'icon sets', 'print bleed', 'design feedback'],
    actions: ['align', 'kern', 'sketch', 'export', 'balance', 'simplify', 'present', 'scale'],
    details: ['the baseline grid', 'a complementary palette', 'the pen tool', 'a serif headline', 'the artboard', 'three font weights', 'the client brief', 'a mood board', 'CMYK values', 'the margins', 'a sans-serif body', 'thumbnail sketches'],
  },
  {
    name: 'Woodworking basics',
    terms: ['wood grain', 'joinery', 'dovetail joints', 'sanding', 'wood finishes', 'measuring twice', 'table saw safety', 'hand planes', 'glue-ups', 'clamping', 'moisture content', 'chisels', 'mortise and tenon', 'workbench setup', 'sharpening', 'router bits'],
    actions: ['plane', 'clamp', 'sand', 'mark', 'chisel', 'glue', 'sharpen', 'cut'],
    details: ['a marking gauge', 'the end grain', 'a push stick', 'the blade height', 'wood glue', '220 grit paper', 'a combination square', 'the fence', 'an oil finish', 'the waste side', 'a honing guide', 'oak boards'],
  },
];

/** Spoken-course filler: what makes a transcript sound like someone teaching, not a keyword list. */
export const CONSEQUENCES = [
  'you end up starting over', 'it costs you weeks of progress', 'the result looks amateur', 'you will get frustrated fast',
  'small mistakes compound', 'nobody notices until it is too late', 'you waste a lot of money', 'it feels harder than it is',
];

export const OPENERS = ['So', 'Now', 'Alright', 'Okay so', 'And', 'Honestly,', 'Look,', 'Right,'];
