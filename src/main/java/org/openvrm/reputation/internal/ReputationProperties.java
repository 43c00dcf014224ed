package org.openvrm.reputation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reputation's settings ({@code openvrm.reputation.*}).
 *
 * @param priorMean the Bayesian average's prior mean, m (1 to 5)
 * @param priorWeight how many ratings the prior counts as, C
 */
@ConfigurationProperties("openvrm.reputation")
public record ReputationProperties(@DefaultValue("3.0") double priorMean, @DefaultValue("10") double priorWeight) {
}
