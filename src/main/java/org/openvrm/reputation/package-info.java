/**
 * Reputation (the buyers decide who deserves respect): people who really dealt with a
 * vendor rate it, 1 to 5 stars and a short text under a pseudonym, one rating per
 * relationship; the vendor may reply once; reports of abuse go to an operator. Per vendor
 * the hub shows the count, the mean, a Bayesian average that a handful of ratings cannot
 * push far, and, apart, a "respect" figure: introductions people did not want and
 * contacts refused at their door.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reputation")
package org.openvrm.reputation;
