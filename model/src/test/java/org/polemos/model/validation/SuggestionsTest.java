package org.polemos.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> IDS =
      List.of(
          "raqqa", "mosul", "baghdad", "islamic-state", "iraqi-forces", "tal-abyad", "jarabulus");

  @ParameterizedTest
  @CsvSource({
    "raqa, raqqa", // one deletion
    "raqqqa, raqqa", // one insertion
    "mosol, mosul", // one substitution
    "bagdhad, baghdad", // transposition = distance 2
    "Raqqa, raqqa", // case only
    "TAL-ABYAD, tal-abyad", // case only, far in edit distance
    "tal, tal-abyad", // prefix
    "jarabulus-crossing, jarabulus", // the candidate is a prefix
    "isis, islamic-state", // abbreviation
    "iraqi-force, iraqi-forces",
  })
  void closeIdsAreSuggested(String wrong, String expected) {
    assertThat(Suggestions.closest(wrong, IDS)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "aleppo", // nothing close
    "xyz", "i", // too short for prefix or abbreviation
    "ab", // distance 2 to nothing useful
    "raqqa", // exact: nothing to suggest
  })
  void farIdsAreNotSuggested(String wrong) {
    assertThat(Suggestions.closest(wrong, IDS)).isEmpty();
  }

  @Test
  void anAmbiguousAbbreviationIsNotSuggested() {
    assertThat(Suggestions.closest("isl", List.of("islamic-state", "islamic-front")))
        .contains("islamic-state");
    assertThat(Suggestions.closest("ist", List.of("islamic-state", "islamic-front-state")))
        .isEmpty();
  }

  @Test
  void theClosestOfSeveralCandidatesWins() {
    assertThat(Suggestions.closest("mosull", List.of("mosuls1", "mosul"))).contains("mosul");
  }

  @Test
  void emptyInputsGiveNothing() {
    assertThat(Suggestions.closest("raqa", List.of())).isEmpty();
    assertThat(Suggestions.closest("", IDS)).isEmpty();
    assertThat(Suggestions.closest(null, IDS)).isEmpty();
  }

  @Test
  void didYouMeanFormatsTheSuggestion() {
    assertThat(Suggestions.didYouMean("raqa", IDS)).isEqualTo(" (did you mean \"raqqa\"?)");
    assertThat(Suggestions.didYouMean("aleppo", IDS)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "'', abc, 3", "abc, abc, 0", "flaw, lawn, 2", "raqa, raqqa, 1"})
  void levenshteinDistances(String a, String b, int expected) {
    assertThat(Suggestions.levenshtein(a, b)).isEqualTo(expected);
    assertThat(Suggestions.levenshtein(b, a)).isEqualTo(expected);
  }
}
