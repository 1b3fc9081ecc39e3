// Keeps a scrolling box (the transcript) at its newest content unless the reader scrolled up. Runtime: browser.

/** Within this many pixels of the bottom the transcript follows new messages. */
const FOLLOW_SLACK = 48;

export interface BottomFollower {
  /** Scrolls to the bottom if the agent was there. */
  readonly stick: () => void;
  readonly stop: () => void;
}

/** Holds a scrolling box at its bottom through new content and resizes (the reply box growing, an error showing). */
export function followBottom(box: HTMLElement): BottomFollower {
  let pinned = true;
  const stick = () => {
    if (pinned) box.scrollTop = box.scrollHeight;
  };
  box.addEventListener('scroll', () => {
    pinned = box.scrollHeight - box.scrollTop - box.clientHeight < FOLLOW_SLACK;
  });
  const resized = new ResizeObserver(stick);
  resized.observe(box);
  return { stick, stop: () => resized.disconnect() };
}
