package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.config.Settings;
import io.paperstream.processor.trend.PunctuationBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PunctuationSettingsTest {

  @Test
  void thePunctuationBudgetComesFromTheSettingsWithItsDefaultsOtherwise() {
    assertThat(new ProcessorSettings(Settings.defaults()).topologyOptions().punctuation())
        .isEqualTo(PunctuationBudget.Limits.defaults());

    PunctuationBudget.Limits configured = new ProcessorSettings(Settings.defaults()
        .with(ProcessorSettings.PUNCTUATION_MAX_MS_KEY, "2500")
        .with(ProcessorSettings.PUNCTUATION_SHARE_KEY, "0.5")).topologyOptions().punctuation();

    assertThat(configured).isEqualTo(new PunctuationBudget.Limits(Duration.ofMillis(2500), 0.5));
  }

  @Test
  void aRunLongerThanAThirdOfTheTransactionTimeoutOrAShareOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new ProcessorSettings(Settings.defaults()
        .with(ProcessorSettings.PUNCTUATION_MAX_MS_KEY, "4000")).topologyOptions())
        .hasMessage("processor.punctuation-max-ms must be at most 3000 (three punctuations can share one 10 s transaction),"
            + " not 4000");
    assertThatThrownBy(() -> new ProcessorSettings(Settings.defaults()
        .with(ProcessorSettings.PUNCTUATION_SHARE_KEY, "2")).topologyOptions())
        .hasMessageContaining("share of the thread must be in (0, 1]");
  }
}
