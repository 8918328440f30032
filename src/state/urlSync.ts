// The one place that reads and writes the page's address: settings and the view (lecture mode,
// hidden panels) come from the link when the page opens (refused values become notices), and every
// change of settings or view rewrites the link.
import { appStore } from './store.ts';
import { parseRunUrl, serializeRunUrl } from './url.ts';
import { parseViewUrl, viewQuery } from './viewUrl.ts';

/** Reads the link; returns how the run should start (`start=now`: at once) and the unsubscribe. */
export function startUrlSync(): { startNow: boolean; stop: () => void } {
  const { settings, notices } = parseRunUrl(window.location.search);
  const { view, notices: viewNotices } = parseViewUrl(window.location.search);
  appStore.setState({
    settings,
    notices: [...notices, ...viewNotices].map((n) => `Link: ${n}`),
    hidden: view.hide,
    ...(view.lecture ? { lecture: true, revealTruth: false, guided: view.guided } : {}),
  });
  const stop = appStore.subscribe((state, previous) => {
    const same = (['settings', 'lecture', 'guided', 'hidden'] as const).every(
      (key) => state[key] === previous[key],
    );
    if (same) return;
    const view = { lecture: state.lecture, guided: state.guided, hide: state.hidden };
    const query = `${serializeRunUrl(state.settings)}${viewQuery(view)}`;
    window.history.replaceState(null, '', `${window.location.pathname}?${query}${window.location.hash}`);
  });
  return { startNow: view.start === 'now', stop };
}
