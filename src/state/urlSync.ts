// The one place that reads and writes the page's address: settings come from the link when the
// page opens (refused values become notices), and every change of settings rewrites the link.
import { appStore } from './store.ts';
import { parseRunUrl, serializeRunUrl } from './url.ts';

export function startUrlSync(): () => void {
  const { settings, notices } = parseRunUrl(window.location.search);
  appStore.setState({ settings, notices: notices.map((n) => `Link: ${n}`) });
  return appStore.subscribe((state, previous) => {
    if (state.settings === previous.settings) return;
    const url = `${window.location.pathname}?${serializeRunUrl(state.settings)}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  });
}
