import { describe, expect, it } from 'vitest';
import { parseRunUrl } from './url.ts';
import { parseViewUrl, viewQuery } from './viewUrl.ts';

describe('a link’s view keys', () => {
  it('open lecture mode, start the run, and hide chosen panels', () => {
    expect(parseViewUrl('?v=1&seed=3&lecture=1&start=now&hide=plane,exports,plane')).toEqual({
      view: { lecture: true, guided: false, start: 'now', hide: ['plane', 'exports'] },
      notices: [],
    });
    expect(parseViewUrl('?seed=3').view).toEqual({ lecture: false, guided: false, start: null, hide: [] });
    expect(parseViewUrl('?lecture=1&guided=1').view.guided).toBe(true);
  });

  it('refuse what they do not know, keeping the rest, and are not read as run settings', () => {
    const { view, notices } = parseViewUrl('?lecture=yes&start=later&hide=plane,<script>');
    expect(view).toEqual({ lecture: false, guided: false, start: null, hide: ['plane'] });
    expect(notices).toEqual([
      'refused lecture="yes": write lecture=1 or lecture=0',
      'refused start="later": write start=now or start=space',
      expect.stringMatching(/^refused hide="<script>": panels are settings, experiment/),
    ]);
    expect(parseRunUrl('?v=1&lecture=1&hide=plane&start=now').notices).toEqual([]);
  });

  it('are written after the run’s settings, only where they differ from the plain view', () => {
    expect(viewQuery({ lecture: true, guided: true, hide: ['plane'] })).toBe(
      '&lecture=1&guided=1&hide=plane',
    );
    expect(viewQuery({ lecture: false, guided: true, hide: [] })).toBe('');
  });
});
