// @ts-check
/* Reading a page aloud with the browser's own speech synthesis (no recording, nothing fetched,
 * so it works offline and under the site's Content-Security-Policy): the page, or the section
 * under one heading, sentence by sentence, the sentence being read highlighted. Play and pause
 * (pausing stops the voice and remembers the sentence, as browsers' own pause is unreliable),
 * stop, a speed and a choice of voice. The block stays hidden where the browser cannot speak.
 * Reading stops when the learner leaves the page, by a link or by instant navigation. */

import { all, one, the } from "./dom.js";
import { sentences } from "./speech-text.js";

/* What is read as a unit: its sentences are found in its text. */
const UNITS = "p, li, h1, h2, h3, h4, h5, h6, dt, dd, th, td, caption, figcaption, summary, desc";
/* What is never read: controls, our blocks, what cannot be seen. */
const SKIP = [
  "script, style, button, select, textarea, .headerlink",
  "[hidden], [aria-hidden='true'], details:not([open]) > :not(summary)",
  ".qb-quiz, .qb-self, .qb-reflection, .qb-listen, .qb-track-done, .qb-progress",
  "svg :not(desc)"
].join(", ");
const HIGHLIGHT = "qb-listen";
const READING = "qb-listen__reading";

/**
 * A sentence to read: its text, where it is, and the unit that holds it.
 * @typedef {{ text: string, range: Range, unit: Element }} Sentence
 */

/**
 * What is being read: the block, its sentences, which one is being read, the utterance
 * speaking it (null when paused).
 * @typedef {{ block: HTMLElement, sentences: Sentence[], index: number,
 *   utterance: SpeechSynthesisUtterance | null }} Reading
 */

/** @type {Reading | null} */
let reading = null;
let listening = false; /* to the browser's list of voices, which may come late */

/** Whether this browser can speak. */
const canSpeak = () =>
  typeof window.speechSynthesis === "object" &&
  !!window.speechSynthesis &&
  typeof window.SpeechSynthesisUtterance === "function";

/**
 * The part of the page a block reads: from its section's heading to the next heading of the
 * same rank or higher, or the whole article.
 * @param {HTMLElement} block
 */
function part(block) {
  const article = block.closest("article, main") ?? document.body;
  const range = document.createRange();
  range.selectNodeContents(article);
  const id = block.dataset.qbSection;
  const heading = id ? document.getElementById(id) : null;
  if (heading && /^H[1-6]$/.test(heading.tagName) && article.contains(heading)) {
    const rank = Number(heading.tagName.slice(1));
    range.setStartBefore(heading);
    const next = all("h1, h2, h3, h4, h5, h6", article).find(
      (other) =>
        !!(heading.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        Number(other.tagName.slice(1)) <= rank
    );
    if (next) range.setEndBefore(next);
  }
  return { article, range };
}

/**
 * Return the sentences a block reads, each with a range over the page's own text.
 * @param {HTMLElement} block
 * @returns {Sentence[]}
 */
function collect(block) {
  const { article, range } = part(block);
  const lang = document.documentElement.lang || "en";
  /** @type {Map<Element, Text[]>} */
  const units = new Map();
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !range.intersectsNode(node) || parent.closest(SKIP)) continue;
    const unit = parent.closest(UNITS);
    if (!unit || !article.contains(unit)) continue;
    units.set(unit, [...(units.get(unit) ?? []), /** @type {Text} */ (node)]);
  }
  /** @type {Sentence[]} */
  const found = [];
  units.forEach((nodes, unit) => {
    const text = nodes.map((node) => node.data).join("");
    /** @param {number} offset */
    const at = (offset) => {
      for (const node of nodes) {
        if (offset <= node.data.length) return /** @type {[Text, number]} */ ([node, offset]);
        offset -= node.data.length;
      }
      const last = /** @type {Text} */ (nodes.at(-1));
      return /** @type {[Text, number]} */ ([last, last.data.length]);
    };
    for (const [start, end] of sentences(text, lang)) {
      const sentence = document.createRange();
      sentence.setStart(...at(start));
      sentence.setEnd(...at(end));
      found.push({ text: text.slice(start, end).replace(/\s+/g, " "), range: sentence, unit });
    }
  });
  return found;
}

/**
 * Mark the sentence being read (nothing, to clear): the sentence itself where the browser can
 * highlight a range, and its paragraph or item always; bring it into view when it is not.
 * @param {Sentence | null} sentence
 */
function highlight(sentence) {
  const registry = typeof CSS === "object" ? CSS.highlights : undefined;
  if (registry && typeof Highlight === "function") {
    if (sentence) registry.set(HIGHLIGHT, new Highlight(sentence.range));
    else registry.delete(HIGHLIGHT);
  }
  all("." + READING).forEach((unit) => unit.classList.remove(READING));
  if (!sentence) return;
  sentence.unit.classList.add(READING);
  const box = sentence.range.getBoundingClientRect();
  if (box.height && (box.top < 0 || box.bottom > window.innerHeight)) {
    sentence.unit.scrollIntoView({ block: "center" });
  }
}

/**
 * Say what the block is doing, on its button and in its status line.
 * @param {HTMLElement} block
 * @param {"idle" | "playing" | "paused"} state
 * @param {string} status
 */
function show(block, state, status) {
  const play = the("[data-qb-action='listen']", block);
  play.textContent = state === "playing" ? "Pause" : state === "paused" ? "Resume" : String(block.dataset.qbLabel);
  block.dataset.qbState = state;
  the("[data-qb-action='listen-stop']", block).hidden = state === "idle";
  the(".qb-listen__status", block).textContent = status;
}

/**
 * The voice chosen in a block, if any.
 * @param {HTMLElement} block
 */
function voiceOf(block) {
  /** @type {HTMLSelectElement | null} */
  const select = one(".qb-listen__voice", block);
  return speechSynthesis.getVoices().find((voice) => voice.voiceURI === select?.value) ?? null;
}

/** Speak the sentence the reading has reached, then the next, to the end. */
function speak() {
  const current = reading;
  if (!current) return;
  const sentence = current.sentences[current.index];
  if (!sentence) {
    stop("Finished reading.");
    return;
  }
  const utterance = new SpeechSynthesisUtterance(sentence.text);
  utterance.lang = document.documentElement.lang || "en";
  /** @type {HTMLSelectElement | null} */
  const rate = one(".qb-listen__rate", current.block);
  utterance.rate = Number(rate?.value) || 1;
  const voice = voiceOf(current.block);
  if (voice) utterance.voice = voice;
  utterance.addEventListener("end", () => {
    if (reading !== current || current.utterance !== utterance) return; /* paused or stopped */
    current.index += 1;
    speak();
  });
  utterance.addEventListener("error", (event) => {
    if (reading !== current || current.utterance !== utterance) return;
    if (event.error !== "interrupted" && event.error !== "canceled") {
      stop("Your browser could not read this aloud.");
    }
  });
  current.utterance = utterance;
  highlight(sentence);
  speechSynthesis.speak(utterance);
}

/**
 * Stop reading, forget where it was, and say why.
 * @param {string} [status]
 */
export function stop(status = "Stopped.") {
  const current = reading;
  reading = null;
  if (canSpeak()) speechSynthesis.cancel();
  highlight(null);
  if (current?.block.isConnected) show(current.block, "idle", status);
}

/**
 * Play, pause or resume: the block's main button.
 * @param {HTMLElement} block
 */
export function listen(block) {
  if (!canSpeak()) return;
  if (reading?.block !== block) {
    if (reading) stop();
    reading = { block, sentences: collect(block), index: 0, utterance: null };
  }
  if (reading.utterance) {
    reading.utterance = null; /* its end and error events are ignored from here */
    speechSynthesis.cancel();
    show(block, "paused", "Paused.");
    return;
  }
  show(block, "playing", "Reading aloud.");
  speak();
}

/**
 * A new speed or voice takes effect at once: the sentence being read starts again with it.
 * @param {HTMLElement} block
 */
export function retune(block) {
  if (reading?.block !== block || !reading.utterance) return;
  reading.utterance = null;
  speechSynthesis.cancel();
  speak();
}

/**
 * Offer the browser's voices for the page's language (all of them when none is), the browser's
 * default first chosen; the choice is hidden when the browser lists none.
 * @param {HTMLElement} block
 */
function offerVoices(block) {
  /** @type {HTMLSelectElement} */
  const select = the(".qb-listen__voice", block);
  const lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  const voices = speechSynthesis.getVoices();
  const fitting = voices.filter((voice) => voice.lang.toLowerCase().startsWith(lang));
  const offered = fitting.length ? fitting : voices;
  const chosen = select.value;
  select.textContent = "";
  for (const voice of offered) {
    const option = new Option(`${voice.name} (${voice.lang})`, voice.voiceURI);
    option.selected = voice.voiceURI === chosen || (!chosen && voice.default);
    select.append(option);
  }
  the(".qb-listen__voices", block).hidden = !offered.length;
}

/**
 * Set up a read-aloud block: shown only where the browser can speak. Reading from another
 * page (left by instant navigation) stops.
 * @param {HTMLElement} block
 */
export function setUpListen(block) {
  if (!canSpeak()) return;
  block.hidden = false;
  show(block, "idle", "");
  offerVoices(block);
  if (!listening) {
    listening = true;
    speechSynthesis.addEventListener?.("voiceschanged", () =>
      all(".qb-listen:not([hidden])").forEach(offerVoices)
    );
  }
}

/** Stop reading when what is read is no longer on the page (called for every page set up). */
export function stopIfGone() {
  if (reading && !reading.block.isConnected) stop();
}
