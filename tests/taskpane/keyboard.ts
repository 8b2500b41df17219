/**
 * Keyboard as a browser does it, for jsdom (user-event is not installed): Tab moves focus to the next
 * focusable element in document order; Enter (on key down) and Space (on key up) activate a native
 * button unless a handler prevented the default. Disabled and tabindex="-1" elements are skipped.
 */
import { fireEvent } from "@testing-library/react";

const FOCUSABLE = "button, a[href], input, select, textarea, [tabindex]";

export function tabOrder(root: ParentNode = document.body): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.hasAttribute("data-tabster-dummy") &&
      el.closest("[hidden], [inert], [aria-hidden='true']") === null
  );
}

function active(): HTMLElement {
  return (document.activeElement as HTMLElement | null) ?? document.body;
}

export function tab({ shift = false } = {}): HTMLElement {
  const from = active();
  const order = tabOrder();
  const at = order.indexOf(from);
  const next = shift
    ? order[at <= 0 ? order.length - 1 : at - 1]
    : order[at < 0 || at === order.length - 1 ? 0 : at + 1];
  if (!next) throw new Error("nothing to tab to");
  if (fireEvent.keyDown(from, { key: "Tab", code: "Tab", shiftKey: shift })) next.focus();
  fireEvent.keyUp(active(), { key: "Tab", code: "Tab", shiftKey: shift });
  return active();
}

/** Tabs until the focused element matches, failing if it never does (like a person would give up). */
export function tabTo(matches: (el: HTMLElement) => boolean): HTMLElement {
  for (let i = 0; i < 200; i++) {
    const el = tab();
    if (matches(el)) return el;
  }
  throw new Error("never reached the element by tabbing");
}

function activates(el: HTMLElement): boolean {
  return (
    (el instanceof HTMLButtonElement && !el.disabled) ||
    (el instanceof HTMLAnchorElement && el.hasAttribute("href"))
  );
}

export function press(key: "Enter" | " " | "Escape"): void {
  const el = active();
  const code = key === " " ? "Space" : key;
  const notPrevented = fireEvent.keyDown(el, { key, code });
  if (key === "Enter" && notPrevented && activates(el)) fireEvent.click(el);
  const upNotPrevented = fireEvent.keyUp(active(), { key, code });
  if (key === " " && notPrevented && upNotPrevented && activates(el)) fireEvent.click(el);
}
