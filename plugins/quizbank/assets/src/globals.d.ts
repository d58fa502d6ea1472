/* What the script finds on window: its own handle (set once, so a second copy stays idle) and
 * Material's document$, the stream of pages instant navigation brings. */
interface Window {
  quizbank?: {
    loaded: true;
    init: () => void;
    /* Set by the questions script, once a page with questions has loaded it. */
    grade?: (question: HTMLElement) => import("./types/index.js").Grade | null;
    assess?: (block: HTMLElement) => unknown;
    scoreQuiz?: (quiz: HTMLElement) => unknown;
    /* Not enumerable, not for other scripts: the core's modules the page script uses (core.js). */
    core?: typeof import("./core.js");
  };
  document$?: { subscribe?: (next: () => void) => unknown };
  quizbankQuestions?: QuestionsScript & { core?: typeof import("./questions-core.js") };
  quizbankPages?: PageScript;
}

/* What the questions script (questions.js) hands to quizbank.js. */
type QuestionsScript = typeof import("./questions.js").QUESTIONS;

/* What the page script (pages.js) hands to quizbank.js. */
type PageScript = typeof import("./pages.js").PAGES;

/* An LMS's SCORM 1.2 runtime, as the launch page finds it on a parent window. */
interface ScormApi {
  LMSInitialize(empty: ""): unknown;
  LMSFinish(empty: ""): unknown;
  LMSGetValue(name: string): unknown;
  LMSSetValue(name: string, value: string): unknown;
  LMSCommit(empty: ""): unknown;
}

interface Window {
  API?: ScormApi;
}
