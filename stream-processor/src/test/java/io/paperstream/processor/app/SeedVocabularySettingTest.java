package io.paperstream.processor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.config.Settings;
import org.junit.jupiter.api.Test;

class SeedVocabularySettingTest {

  @Test
  void theSeedVocabularyIsOnUnlessTurnedOff() {
    // given no setting, then one turning it off
    ProcessorSettings defaults = new ProcessorSettings(Settings.defaults());
    ProcessorSettings off = new ProcessorSettings(Settings.defaults().with(ProcessorSettings.SEED_VOCABULARY_KEY, " False "));

    // when the topology's options are read, then the seed is on by default and off when configured so
    assertThat(defaults.topologyOptions().seedVocabulary()).isTrue();
    assertThat(off.topologyOptions().seedVocabulary()).isFalse();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsRefusedNamingTheKey() {
    // given a misspelt value, when the options are read, then the error names the key and the value
    assertThatThrownBy(() -> new ProcessorSettings(Settings.defaults()
        .with(ProcessorSettings.SEED_VOCABULARY_KEY, "yes")).topologyOptions())
        .hasMessage("processor.seed-vocabulary must be true or false, not 'yes'");
  }
}
