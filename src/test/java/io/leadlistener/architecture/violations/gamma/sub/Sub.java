package io.leadlistener.architecture.violations.gamma.sub;

/** The other half of {@code gamma.Gamma}'s cycle. */
public class Sub {
    io.leadlistener.architecture.violations.gamma.Gamma parent;
}
