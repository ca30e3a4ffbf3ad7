package io.paperstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papers eval-keywords} prints the shipped seed's row only on days the seed did not learn from. */
class EvalKeywordsCommandTest {

  @TempDir Path dir;

  @Test
  void theSeedRowIsPrintedForDaysAfterTheSeedsLearningDays() throws Exception {
    // given an invented API page of 2026 with one paper carrying keywords of its own
    Path page = page("2026-01-02");

    // when it is measured
    PapersRun run = PapersRun.of("eval-keywords", page.toString(), "--from", "2026-01-01");

    // then the seed, which learned from 2025 days only, has its row beside the others
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("papers measured: 1").contains("learned, no vocabulary")
        .contains("learned, shipped seed");
    assertThat(run.err()).doesNotContain("in sample");
  }

  @Test
  void theSeedRowIsRefusedForDaysTheSeedLearnedFrom() throws Exception {
    // given the same page dated inside the seed's learning days
    Path page = page("2025-05-02");

    // when those days are measured
    PapersRun run = PapersRun.of("eval-keywords", page.toString(), "--from", "2025-05-01");

    // then the seed row is left out, and stderr says why
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("papers measured: 1").doesNotContain("shipped seed");
    assertThat(run.err()).contains("no row for the shipped seed vocabulary").contains("in sample");
  }

  private Path page(String day) throws Exception {
    String json = """
        [
          {
            "paper": {
              "id": "2601.04242",
              "authors": [{"name": "Ada Mirel"}],
              "publishedAt": "%1$sT07:00:00.000Z",
              "title": "Brine Ledgers for Reinforcement Learning Agents",
              "summary": "We propose brine ledgers, a memory for reinforcement learning agents that keeps tide tables of past rewards. Brine ledgers help large language model agents plan over long horizons.",
              "upvotes": 3,
              "ai_keywords": ["brine ledgers", "reinforcement learning", "tide tables"]
            },
            "publishedAt": "%1$sT08:00:00.000Z",
            "title": "Brine Ledgers for Reinforcement Learning Agents",
            "numComments": 0
          }
        ]
        """.formatted(day);
    Path page = dir.resolve(day + ".json");
    Files.writeString(page, json, StandardCharsets.UTF_8);
    return page;
  }
}
