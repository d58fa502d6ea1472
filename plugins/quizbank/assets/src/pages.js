// @ts-check
/* quizbank's page script: what only some pages need, loaded by quizbank.js (later.js) the first
 * time a page has one of these blocks, from beside it (quizbank-pages.js), always after the
 * questions script. It hands its functions to quizbank.js, which calls them for their blocks
 * and buttons.
 *
 * It bundles none of the core's modules, nor the questions script's: build.mjs resolves its
 * imports of them to the instances those scripts publish (core.js, questions-core.js), so
 * storage, attempts and the rest keep one state. */

import { showHome, showProgress } from "./home.js";
import { downloadJournal, showJournal } from "./journal.js";
import { keepWork, showKeep } from "./keep.js";
import { listen, retune, setUpListen, stop, stopIfGone } from "./listen.js";
import { downloadRecord, saveName, showRecord } from "./record.js";
import { nextQuestions, reviewChecked, showReview } from "./review-page.js";
import { downloadResults, refreshResult, showResult } from "./self-report.js";
import { confirmClear, exportData, importData, onClose, showData } from "./your-data.js";

export const PAGES = {
  confirmClear,
  downloadJournal,
  downloadRecord,
  downloadResults,
  exportData,
  importData,
  keepWork,
  listen,
  nextQuestions,
  onClose,
  refreshResult,
  retune,
  reviewChecked,
  saveName,
  setUpListen,
  showData,
  /** The data page: what is stored, and whether the browser keeps it. */
  showDataPage: (/** @type {HTMLElement} */ block) => {
    showData(block);
    showKeep(block);
  },
  showHome,
  showJournal,
  showProgress,
  showRecord,
  showResult,
  showReview,
  stop,
  stopIfGone
};

window.quizbankPages = PAGES;
