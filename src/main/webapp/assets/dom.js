// Building DOM nodes from data without ever parsing data as markup: text goes in as text nodes only.

/** h('p', {class: 'hint'}, 'text', child) — attributes are set one by one, children appended as nodes or text. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content with the given children (text or nodes). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const byId = id => document.getElementById(id);

/** A definition list from [term, description] pairs; descriptions may be nodes. */
export function definitions(pairs, attributes = {}) {
  return h('dl', attributes, pairs.flatMap(([term, description]) => [h('dt', {}, term), h('dd', {}, description)]));
}

/** Moves keyboard and screen-reader focus to a heading after a view changes. */
export function focusHeading(section) {
  const heading = section.querySelector('h1, h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
