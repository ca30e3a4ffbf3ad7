package io.paperstream.ingest.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.schemas.DeadLetter;
import io.paperstream.schemas.SourceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void longInputIsShortenedAndMarked() {
    // when
    String excerpt = DeadLetters.excerpt("x".repeat(5_000));

    // then
    assertThat(excerpt).hasSize(DeadLetters.MAX_EXCERPT).endsWith("…");
  }

  @Test
  void shorteningNeverSplitsACharacter() {
    // given emoji (two chars each) straddling the cut
    String input = "a" + "\uD83C\uDF0A".repeat(300);

    // when
    String excerpt = DeadLetters.excerpt(input);

    // then
    assertThat(excerpt.length()).isLessThanOrEqualTo(DeadLetters.MAX_EXCERPT);
    assertThat(excerpt.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)).isTrue();
  }

  @Test
  void controlCharactersBecomeSpacesAndBlankBecomesNull() {
    assertThat(DeadLetters.excerpt("a\u0000b\nc")).isEqualTo("a b c");
    assertThat(DeadLetters.excerpt(" \n\t ")).isNull();
    assertThat(DeadLetters.excerpt(null)).isNull();
  }

  @Test
  void deadLetterCarriesSourceFormPositionAndStage() {
    // when
    DeadLetter dead = DeadLetters.of("https://example.org/p", SourceKind.HTML, 4, "card without a title", "<article>",
        Instant.parse("2025-04-01T09:31:00.123456Z"));

    // then
    assertThat(dead.getSource()).isEqualTo("https://example.org/p");
    assertThat(dead.getSourceKind()).isEqualTo("HTML");
    assertThat(dead.getPosition()).isEqualTo(4);
    assertThat(dead.getStage()).isEqualTo("split");
    assertThat(dead.getOccurredAt()).isEqualTo(Instant.parse("2025-04-01T09:31:00.123Z"));
  }
}
