/**
 * The page's layout on a phone and a desktop: on a phone the assumptions open
 * as a sheet under the answer bar; on a wide screen a compact answer follows
 * the reader down the page once the headline is out of view; the charts are
 * drawn again when the width changes.
 */
import { required } from './dom';
export function mountLayout(doc: Document, redraw: () => void): void {
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => required<T>(doc, selector);
  const view = doc.defaultView as Window;
  const toggle = $('#toggle-panel');
  const phone = view.matchMedia('(max-width: 900px)');
  const isOpen = () => doc.body.classList.contains('panel-open');
  const setPanel = (open: boolean) => {
    doc.body.classList.toggle('panel-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Close' : 'Assumptions';
    // While the sheet is open on a phone, the page behind it takes no focus: Tab stays in the sheet and the bar.
    const behind = open && phone.matches;
    $('#main').inert = behind;
    $('header.top').inert = behind;
    if (open) $('#panel').focus();
  };
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      setPanel(false);
      toggle.focus();
    }
  });
  // "Skip to the assumptions" on a phone opens the sheet it skips to.
  doc.querySelector('a.skip-link[href="#panel"]')?.addEventListener('click', (event) => {
    if (!phone.matches) return;
    event.preventDefault();
    setPanel(true);
  });
  phone.addEventListener('change', () => setPanel(isOpen() && phone.matches));
  toggle.addEventListener('click', () => setPanel(!isOpen()));
  $('#close-panel').addEventListener('click', () => {
    setPanel(false);
    toggle.focus();
  });

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = view.innerWidth;
  view.addEventListener('resize', () => {
    // Phones resize as their address bar shows and hides: redraw only when the width changes.
    if (view.innerWidth === lastWidth) return;
    lastWidth = view.innerWidth;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(redraw, 150);
  });

  // On a wide screen a compact answer follows the reader down the page once the headline is out of view.
  new IntersectionObserver(([entry]) => {
    const away = entry !== undefined && !entry.isIntersecting && entry.boundingClientRect.top < 0;
    doc.body.classList.toggle('answer-away', away);
    $<HTMLAnchorElement>('.answer-bar .to-answer').hidden = !away || view.innerWidth <= 900;
  }).observe($('#headline'));
}
