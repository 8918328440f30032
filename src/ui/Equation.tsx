// An equation typeset by KaTeX. The LaTeX comes from our printer over a validated expression
// tree, never from user text; KaTeX renders it without trusting commands that reach outside.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';

export function Equation({ latex, display = false }: { latex: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) katex.render(latex, ref.current, { displayMode: display, throwOnError: false });
  }, [latex, display]);
  return <span ref={ref} className="equation" data-latex={latex} />;
}
