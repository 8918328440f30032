// The keys of a link that shape how the page shows a run, not the run: `lecture=1` opens it in
// lecture mode, `guided=1` pauses it after each stage on its explanation, `start=now` starts the
// run at once (`start=space` waits for Space, as lecture mode does anyway), and `hide=…` hides
// chosen panels, so that a course page can embed a focused demo.
// Read as untrustingly as the run's settings: a refused value keeps the default, with a notice.

/** The panels a link can hide, by the name it gives them. */
export const HIDEABLE = [
  'settings',
  'experiment',
  'training',
  'neuron',
  'plane',
  'front',
  'candidates',
  'verification',
  'latent',
  'exports',
] as const;
export type Hideable = (typeof HIDEABLE)[number];

export interface ViewLink {
  lecture: boolean;
  guided: boolean;
  start: 'now' | 'space' | null;
  hide: Hideable[];
}

export const VIEW_KEYS = new Set(['lecture', 'guided', 'start', 'hide']);

export function parseViewUrl(search: string): { view: ViewLink; notices: string[] } {
  const params = new URLSearchParams(search);
  const view: ViewLink = { lecture: false, guided: false, start: null, hide: [] };
  const notices: string[] = [];
  const lecture = params.get('lecture');
  if (lecture !== null) {
    if (lecture === '1' || lecture === '0') view.lecture = lecture === '1';
    else
      notices.push(`refused lecture=${JSON.stringify(lecture.slice(0, 40))}: write lecture=1 or lecture=0`);
  }
  const guided = params.get('guided');
  if (guided !== null) {
    if (guided === '1' || guided === '0') view.guided = guided === '1';
    else notices.push(`refused guided=${JSON.stringify(guided.slice(0, 40))}: write guided=1 or guided=0`);
  }
  const start = params.get('start');
  if (start !== null) {
    if (start === 'now' || start === 'space') view.start = start;
    else notices.push(`refused start=${JSON.stringify(start.slice(0, 40))}: write start=now or start=space`);
  }
  const hide = params.get('hide');
  if (hide !== null && hide !== '') {
    for (const name of hide.split(',')) {
      if ((HIDEABLE as readonly string[]).includes(name)) {
        if (!view.hide.includes(name as Hideable)) view.hide.push(name as Hideable);
      } else
        notices.push(`refused hide=${JSON.stringify(name.slice(0, 40))}: panels are ${HIDEABLE.join(', ')}`);
    }
  }
  return { view, notices };
}

/** The view's part of a link (after the run's settings): `lecture=1`, `hide=…`; '' for the plain view. */
export function viewQuery(view: Pick<ViewLink, 'lecture' | 'guided' | 'hide'>): string {
  const parts = [
    ...(view.lecture ? ['lecture=1'] : []),
    ...(view.lecture && view.guided ? ['guided=1'] : []),
    ...(view.hide.length > 0 ? [`hide=${view.hide.join(',')}`] : []),
  ];
  return parts.map((p) => `&${p}`).join('');
}
