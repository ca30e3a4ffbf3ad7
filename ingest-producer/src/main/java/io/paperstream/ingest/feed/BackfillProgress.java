package io.paperstream.ingest.feed;

import java.time.LocalDate;

/** Told after each day of a backfill, e.g. to draw a progress bar. */
@FunctionalInterface
public interface BackfillProgress {

  BackfillProgress NONE = (done, total, day, result) -> { };

  /**
   * @param done days finished so far, including this one
   * @param total days in the range
   * @param day the day just finished
   * @param result what polling its listing did
   */
  void dayDone(int done, int total, LocalDate day, PollResult result);
}
