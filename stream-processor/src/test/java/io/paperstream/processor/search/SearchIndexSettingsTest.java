package io.paperstream.processor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchIndexSettingsTest {

  @Test
  void takesTheDefaultsWhenNothingIsConfigured() {
    // given / when
    SearchIndexSettings settings = SearchIndexSettings.from(Map.of());

    // then
    assertThat(settings).isEqualTo(new SearchIndexSettings(
        SearchIndexStore.DEFAULT_REFRESH_MS * 1_000_000, SearchIndexStore.DEFAULT_BUFFER_MB));
  }

  @Test
  void readsWholeNumbersWrittenAsTextAroundSpaces() {
    // given
    Map<String, Object> configs = Map.of(SearchIndexStore.REFRESH_MS_CONFIG, " 0 ",
        SearchIndexStore.BUFFER_MB_CONFIG, 16);

    // when
    SearchIndexSettings settings = SearchIndexSettings.from(configs);

    // then
    assertThat(settings).isEqualTo(new SearchIndexSettings(0, 16));
  }

  @Test
  void refusesABufferBelowOneMebibyteNamingKeyAndValue() {
    // given / when / then
    assertThatThrownBy(() -> SearchIndexSettings.from(Map.of(SearchIndexStore.BUFFER_MB_CONFIG, "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(SearchIndexStore.BUFFER_MB_CONFIG + " must be a whole number of MiB >= 1, not '0'");
  }
}
