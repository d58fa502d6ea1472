// @ts-check
/* quizbank's page script: what only a few pages need, loaded by quizbank.js (later.js) the
 * first time a page has one of these blocks, from beside it (quizbank-pages.js): the review
 * page, the course record, and keeping the work on the data page. It hands its functions to
 * quizbank.js, which calls them for their blocks and buttons. */

import { keepWork, showKeep } from "./keep.js";
import { downloadRecord, saveName, showRecord } from "./record.js";
import { nextQuestions, reviewChecked, showReview } from "./review-page.js";

export const PAGES = {
  downloadRecord,
  keepWork,
  nextQuestions,
  reviewChecked,
  saveName,
  showKeep,
  showRecord,
  showReview
};

window.quizbankPages = PAGES;
