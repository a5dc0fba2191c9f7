import { deepFreeze } from './freeze.js';

/**
 * Where the documented defaults come from: the five Dutch articles the
 * project's figures are taken from, each quoted verbatim so a reviewer can
 * find the sentence, with an English translation beside each quote and title.
 */

/** A published figure's provenance. */
export interface Source {
  /** The source article's file name in the project's collection of seed articles. */
  readonly article: string;
  /** The article's title, as published (Dutch). */
  readonly title: string;
  /** The article's title translated into English, for readers who do not read Dutch. */
  readonly titleEnglish: string;
  /** Who the article credits for the figure (a study, a firm, an author), or the article itself. */
  readonly credit: string;
  /** The sentence that states the figure, verbatim (Dutch). */
  readonly quote: string;
  /**
   * A faithful English translation of `quote`, sentence for sentence (not a
   * summary: the figure in the model's terms is `figure`). A quote that starts
   * or ends mid-sentence is translated the same way.
   */
  readonly translation: string;
  /** The figure in English, as the model uses it. */
  readonly figure: string;
}

const article = {
  ambition: {
    article: '000_ab32cb94a1089f0b.txt',
    title: 'Customer Experience: Ambitie vs. Realiteit',
    titleEnglish: 'Customer Experience: Ambition vs. Reality',
  },
  maturity: {
    article: '001_4a8f8c7b0e336c05.txt',
    title: 'Hoe klantgedreven is jouw organisatie daadwerkelijk?',
    titleEnglish: 'How customer-driven is your organisation really?',
  },
  punk: {
    article: '002_c42414dbd83db0bb.txt',
    title: 'Klantbeleving: durf eens keuzes te maken als een punkrocker',
    titleEnglish: 'Customer experience: dare to make choices like a punk rocker',
  },
  everything: {
    article: '003_f2aeae8cb3a75f68.txt',
    title: 'Alles wat je wil én moet weten over customer experience',
    titleEnglish: 'Everything you want and need to know about customer experience',
  },
  longGame: {
    article: '004_7f02ceec3e3ccea8.txt',
    title: '‘CX en NPS moeten op hoogste niveau in organisatie bestuurd’',
    titleEnglish: '‘CX and NPS must be steered at the highest level of the organisation’',
  },
} as const;

/** Every documented figure a default rests on, by a short name. */
export const sources = deepFreeze({
  switchAfterBad: {
    ...article.everything,
    credit: 'the article’s own statistics',
    quote:
      'Is iemands ervaring met jouw merk over het algemeen goed, maar gaat er een keer iets mis? Dan stapt in 86 procent van de gevallen de klant over naar een ander merk.',
    translation:
      'Is someone’s experience with your brand good on the whole, but does something go wrong once? Then in 86 percent of cases the customer switches to another brand.',
    figure: '86% switch to another brand after one bad experience',
  },
  toldAfterGoodAndBad: {
    ...article.everything,
    credit: 'the article (“Customer experience weetjes”)',
    quote: 'Waar loyale klanten hun ervaring delen met zo’n 9 personen, doen ontevreden klanten dat met gemiddeld 16 personen.',
    translation:
      'Whereas loyal customers share their experience with some 9 people, dissatisfied customers do so with 16 people on average.',
    figure: 'loyal customers tell about 9 people, dissatisfied ones 16 on average',
  },
  spendAfterGood: {
    ...article.everything,
    credit: 'Harvard Business Review',
    quote:
      'Harvard Business Reviews stelt dat klanten met een goede ervaring 140 procent meer besteden, dan klanten met een slechte ervaring.',
    translation:
      'Harvard Business Review states that customers with a good experience spend 140 percent more than customers with a bad experience.',
    figure: 'customers with a good experience spend 140% more (2.4 : 1)',
  },
  recommendAfterExcellent: {
    ...article.maturity,
    credit: 'Temkin Group',
    quote:
      'Zo laat een recent onderzoek van Temkin Group zien dat 90% van de klanten die een excellente ervaring hebben gehad, de organisatie ook aanbevelen aan anderen.',
    translation:
      'A recent study by Temkin Group, for instance, shows that 90% of customers who have had an excellent experience also recommend the organisation to others.',
    figure: '90% recommend the company after an excellent experience',
  },
  speakAfterBad: {
    ...article.ambition,
    credit: 'research cited in the article',
    quote: '30% vertelt dit aan het bedrijf zelf en 50% vertelt het aan hun vrienden.',
    translation: '30% tell the company itself about it and 50% tell their friends.',
    figure: '50% tell their friends after a bad experience',
  },
  executionSuccess: {
    ...article.punk,
    credit: 'Adrian Swinscoe, Punk CX',
    quote:
      'met name omdat naar verluidt 70 tot 80 procent van de initiatieven om de klantervaring te verbeteren niet aan de verwachtingen voldoet of de doelstellingen niet behaalt.',
    translation:
      'especially because reportedly 70 to 80 percent of initiatives to improve the customer experience fall short of expectations or do not achieve their goals.',
    figure: '70–80% of CX initiatives miss expectations or goals, so 20–30% succeed',
  },
  rampMonths: {
    ...article.longGame,
    credit: 'Nienke Bloem (Emerce webinar)',
    quote: 'De praktijk leert wel dat het al gauw twee tot drie jaar duurt voor het effect er is.',
    translation: 'Practice does show that it easily takes two to three years before the effect is there.',
    figure: 'the effect takes two to three years (24–36 months) to show',
  },
  delayMonths: {
    ...article.longGame,
    credit: 'Nienke Bloem (Emerce webinar)',
    quote:
      'De praktijk leert wel dat het al gauw twee tot drie jaar duurt voor het effect er is. Luisteren is namelijk één ding, actie ondernemen een tweede.',
    translation:
      'Practice does show that it easily takes two to three years before the effect is there. After all, listening is one thing; taking action is another.',
    figure: 'two to three years before the effect is there; listening comes before acting',
  },
  recommendAfterBad: {
    ...article.maturity,
    credit: 'Temkin Group',
    quote: 'Bijna 5x meer dan klanten die een slechte ervaring hadden (18%).',
    translation: 'Almost 5 times more than customers who had a bad experience (18%).',
    figure: '18% recommend the company after a bad experience',
  },
  channelsOffered: {
    ...article.punk,
    credit: 'Dimension Data, 2017 Global Customer Experience Benchmarking Report',
    quote:
      'organisaties al in 2017 gemiddeld een keuze uit negen verschillende kanalen aan hun klanten bieden om contact met hen op te nemen. De onderzoekers spreken de verwachting uit dat dit aantal in de loop van 2019 oploopt tot 11 kanalen.',
    translation:
      'in 2017 organisations were already offering their customers a choice of nine different channels on average for contacting them. The researchers express the expectation that this number will rise to 11 channels in the course of 2019.',
    figure: '9 contact channels offered on average in 2017, 11 expected in 2019',
  },
  channelsConnected: {
    ...article.punk,
    credit: 'Dimension Data',
    quote:
      'Wat echter veel interessanter is, is dat bij slechts 8 procent van de organisaties alle kanalen in gebruik zijn. Sterker nog, bij maar liefst 70 procent van de bedrijven en instellingen zijn geen of zeer weinig kanalen met elkaar verbonden.',
    translation:
      'What is much more interesting, however, is that only 8 percent of organisations have all their channels in use. What is more, at no fewer than 70 percent of companies and institutions none or very few channels are connected to each other.',
    figure: '8% of organisations use all their channels; 70% have none or very few connected',
  },
  channelsInSilos: {
    ...article.punk,
    credit: 'Dimension Data',
    quote:
      'In 58 procent van de organisaties worden de kanalen nog steeds gemanaged in silo’s, een opzet die garant staat voor problemen met het delen van gegevens en samenwerkingsvormen.',
    translation:
      'In 58 percent of organisations the channels are still managed in silos, a set-up that guarantees problems with sharing data and with ways of working together.',
    figure: '58% manage their channels in silos, which guarantees problems sharing data',
  },
  greatAtAFew: {
    ...article.punk,
    credit: 'Adrian Swinscoe, Punk CX',
    quote: 'Less is more. Met andere woorden, je kunt beter uitblinken op een paar kanalen dan gemiddeld zijn op veel kanalen.',
    translation: 'Less is more. In other words, you are better off excelling on a few channels than being average on many channels.',
    figure: 'better to excel on a few channels than be average on many',
  },
  backfire: {
    ...article.ambition,
    credit: 'the article’s example',
    quote: 'Het bestede budget aan de nieuwe site heeft daarmee misschien juist de CX verslechterd in plaats van verbeterd.',
    translation: 'The budget spent on the new site may thereby actually have made the CX worse instead of better.',
    figure: 'a CX project (a new website, the old one left online) made the experience worse; the project was stopped',
  },
  outcomeClasses: {
    ...article.maturity,
    credit: 'Accenture',
    quote:
      'Het onderzoek concludeert dat maar 23% van de ondervraagde bedrijven die in customer experience hebben geïnvesteerd ook daadwerkelijk significant positieve ROI hebben behaald. 20% behaalde een lagere of zelfs negatieve ROI. En 57% zit vast in de middelmatige uitvoering',
    translation:
      'The study concludes that only 23% of the surveyed companies that have invested in customer experience actually achieved a significantly positive ROI. 20% achieved a lower or even negative ROI. And 57% are stuck in mediocre execution',
    figure: '23% significantly positive ROI, 57% stuck in the middle, 20% lower or negative ROI',
  },
} as const satisfies Record<string, Source>);

/** The short names of the documented figures. */
export type SourceName = keyof typeof sources;

/** Another figure the seed articles give for the same quantity as a default, with its provenance. */
export interface Alternative extends Source {
  /** The figure in the field's own unit, e.g. 0.19 for “19% stop buying at once”. */
  readonly value: number;
  /** How it differs from the default's figure, so a reader can choose. */
  readonly note: string;
}

/**
 * Competing figures in the seeds, by the field whose default they contest.
 * The default stays the project brief's figure; these are shown beside it
 * (`describeAssumptions`, the CLI's `assumptions`) so a user can pick one.
 */
export const alternatives: Readonly<Record<string, readonly Alternative[]>> = deepFreeze({
  'churn.switchAfterBad': [
    {
      ...article.ambition,
      credit: 'research cited in the article',
      quote:
        'Onderzoek toont dat als klanten een slechte experience hebben gehad, 22% van hen minder gaat uitgeven en 19% direct stopt met verdere aankopen bij dat bedrijf.',
      translation:
        'Research shows that when customers have had a bad experience, 22% of them start spending less and 19% immediately stop making further purchases from that company.',
      figure: '19% stop buying from the company at once after a bad experience',
      value: 0.19,
      note: 'stop buying at once, rather than switch brand in time',
    },
    {
      ...article.maturity,
      credit: 'Temkin Group',
      quote: 'Dit ten opzichte van 22% die niet meer terugkomen vanwege slechte ervaringen.',
      translation: 'This against 22% who no longer come back because of bad experiences.',
      figure: '22% do not come back because of bad experiences',
      value: 0.22,
      note: 'do not come back, after bad experiences (plural)',
    },
    {
      ...article.everything,
      credit: 'the article',
      quote: '89 procent van de klanten switcht naar een ander merk als gevolg van slechte CX.',
      translation: '89 percent of customers switch to another brand as a result of poor CX.',
      figure: '89% switch to another brand as a result of poor CX',
      value: 0.89,
      note: 'switch because of poor CX in general, not one bad experience',
    },
  ],
  'spend.goodMultiplier': [
    {
      ...article.everything,
      credit: 'American Express',
      quote:
        'American Express onderzocht en ontdekte dat 70 procent van de Amerikanen bereid was gemiddeld 13 procent meer te spenderen als de CX dik in orde was.',
      translation:
        'American Express researched this and found that 70 percent of Americans were willing to spend 13 percent more on average when the CX was thoroughly in order.',
      figure: '70% of Americans would spend 13% more when the CX is right',
      value: 1.13,
      note: 'willingness to spend more when CX is right, stated by 70% of people: a far smaller ratio than 140%',
    },
  ],
});

/** Accenture's published split of CX investors by outcome, to hold a simulation against. */
export const accentureOutcomeSplit = deepFreeze({ positive: 0.23, middling: 0.57, negative: 0.2 } as const);
