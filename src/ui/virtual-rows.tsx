import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  rowHeight: number;
  /** One row (index) as a grid row; it is placed absolutely by the list. */
  row: (index: number) => ComponentChildren;
  /** Called with the last index drawn, to fetch more rows before the end is reached. */
  onRange?: (lastIndex: number) => void;
  class?: string;
  testId?: string;
}

/** A scrolling list that keeps only the rows in view (plus a few) in the DOM. */
export function VirtualRows({ count, rowHeight, row, onRange, class: cls, testId }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, redraw] = useState(0);
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, HTMLDivElement>({
        count,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        overscan: 12,
        onChange: () => redraw((n) => n + 1),
      }),
  );
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  const items = virtualizer.getVirtualItems();
  const last = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (last >= 0) onRange?.(last);
  }, [last, count]);
  return (
    <div ref={scroller} class={`virtual ${cls ?? ''}`} data-testid={testId}>
      <div class="virtual-space" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((it) => (
          <div
            key={it.key}
            class="virtual-row"
            data-index={it.index}
            style={{ transform: `translateY(${it.start}px)`, height: `${rowHeight}px` }}
          >
            {row(it.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
