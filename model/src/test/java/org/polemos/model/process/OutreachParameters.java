package org.polemos.model.process;

import java.util.List;
import org.polemos.model.validation.Checks;

/**
 * A test extension's parameters: registered by {@link Provider} only on class loaders that {@link
 * ProcessesTest#withOutreach} creates, so the other tests see the built-in sections alone.
 *
 * @param ratePerYear a rate, >= 0
 * @param share a share in [0, 1]
 */
public record OutreachParameters(double ratePerYear, double share) implements ProcessParameters {

  @Override
  public void check(Checks c) {
    c.nonNegative(ratePerYear, "ratePerYear");
    c.fraction(share, "share");
  }

  /** Registers section "outreach". */
  public static final class Provider implements ProcessProvider {
    @Override
    public List<ProcessDefinition<?>> processes() {
      return List.of(
          ProcessDefinition.of(
              "outreach", OutreachParameters.class, new OutreachParameters(2, 0.5)));
    }
  }
}
