/**
 * The answer's headline: the figures on their cards, the sentence, the spread,
 * the notes, the phone's answer bar and the result code; from a preview while
 * one is on screen, else from the full answer.
 */
import type { SimulationResult } from 'cx-roi';
import { headline, headlineSentence, spreadLine } from '../headline';
import type { Cell, Page } from '../page/page';

function card(page: Page, h: ReturnType<typeof headline>[number]): HTMLElement {
  const element = page.doc.createElement('div');
  element.className = 'card';
  element.dataset.figure = h.id;
  element.innerHTML = '<div class="card-label"></div><div class="card-value"></div><div class="card-sub"></div>';
  (element.querySelector('.card-label') as HTMLElement).textContent = h.label;
  const value = element.querySelector('.card-value') as HTMLElement;
  value.textContent = h.value;
  // A figure ("−€13,034,978") stays on one line and is sized to fit its card (style.css), a "%" counting as one
  // and a half glyphs; words and figures with spaces ("−91% / −98%") may wrap.
  if (!/[\p{L}\s]/u.test(h.value)) {
    value.classList.add('figure-fit');
    const glyphs = [...h.value.replace(/\u2060/g, '')].reduce((n, glyph) => n + (glyph === '%' ? 1.5 : 1), 0);
    value.style.setProperty('--chars', String(glyphs));
  }
  (element.querySelector('.card-sub') as HTMLElement).textContent = h.sub;
  return element;
}

function renderHeadline(page: Page, result: SimulationResult): void {
  const figures = headline(result, page.currency());
  page.$('#headline').replaceChildren(...figures.map((h) => card(page, h)));
  page.$('#headline-notes-list').replaceChildren(
    ...figures.map((h) => {
      const item = page.doc.createElement('li');
      item.dataset.figure = h.id;
      const name = page.doc.createElement('strong');
      name.textContent = `${h.label}: `;
      item.append(name, h.words);
      return item;
    }),
  );
  page.$('#headline-sentence').textContent = headlineSentence(result);
  page.$('#headline-spread').textContent = spreadLine(result);
  page.$('#answer-bar-figures').replaceChildren(
    ...figures
      .filter((h) => h.short)
      .map((h) => {
        const span = page.doc.createElement('span');
        span.textContent = h.short ?? '';
        return span;
      }),
  );
}

export const headlineCell: Cell = {
  name: 'headline',
  mount(page) {
    const main = page.$('#main');
    const body = page.doc.body.dataset;
    const sentence = page.$('#headline-sentence');
    /** The sentence a preview wrote: taken down with its preview when no answer replaces it. */
    let previewSentence: string | null = null;
    page.store.on(['preview', 'answer', 'look'], ({ preview, answer }) => {
      main.classList.toggle('preview-result', preview !== null);
      if (preview) {
        renderHeadline(page, preview.result);
        previewSentence = sentence.textContent;
        body.preview = `${preview.result.runCount} of ${preview.of}`;
        body.previewMedianRoi = String(preview.result.horizon.roi.p50);
        return;
      }
      delete body.preview;
      delete body.previewMedianRoi;
      if (!answer) {
        for (const id of ['#headline', '#answer-bar-figures']) page.$(id).replaceChildren();
        page.$('#headline-spread').textContent = '';
        // Unless the page has written why there is no answer since.
        if (previewSentence !== null && sentence.textContent === previewSentence) sentence.textContent = '';
        previewSentence = null;
        return;
      }
      previewSentence = null;
      renderHeadline(page, answer.result);
      page.$('#result-hash').textContent = answer.hash;
      body.resultHash = answer.hash;
      body.medianRoi = String(answer.result.horizon.roi.p50);
    });
  },
};
